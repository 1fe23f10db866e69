import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkEventTypes,
  checkNewSubscription,
  checkWebhookUrl,
  isNonPublicAddress,
  knownEventTypes,
  liftTargets,
  MAX_ATTEMPTS,
  outcomeOf,
  RETRY_DELAYS_SECONDS,
  retryDelayMs,
  webhookBody,
  webhookSecretFrom,
} from './rules.ts';

/** The extensions of the BAD_USER_INPUT `work` throws. */
function refusal(work: () => unknown): Record<string, unknown> {
  try {
    work();
  } catch (error) {
    const { extensions } = error as { extensions?: Record<string, unknown> };
    assert.ok(extensions, `expected a GraphQL error, got ${String(error)}`);
    return extensions;
  }
  assert.fail('expected a refusal');
}

describe('checkWebhookUrl', () => {
  it('accepts an https URL on a public host and drops the fragment', () => {
    assert.equal(
      checkWebhookUrl(' https://push.example.gov.cn/hook#x ', 'url', false),
      'https://push.example.gov.cn/hook',
    );
  });

  it('refuses plain http unless private URLs are allowed, and other schemes always', () => {
    assert.deepEqual(
      refusal(() => checkWebhookUrl('http://push.example.gov.cn/', 'input.url', false)),
      {
        code: 'BAD_USER_INPUT',
        field: 'input.url',
        rule: 'SCHEME',
      },
    );
    assert.equal(checkWebhookUrl('http://10.0.0.5:8080/h', 'input.url', true), 'http://10.0.0.5:8080/h');
    assert.equal(refusal(() => checkWebhookUrl('ftp://x.example/', 'input.url', true)).rule, 'SCHEME');
  });

  it('refuses loopback, private, link-local and mapped addresses and localhost without the setting (SSRF)', () => {
    for (const url of [
      'https://127.0.0.1/h',
      'https://localhost/h',
      'https://api.localhost/h',
      'https://10.1.2.3/h',
      'https://172.20.0.1/h',
      'https://192.168.1.1/h',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/h',
      'https://[fd00::1]/h',
      'https://[::ffff:127.0.0.1]/h',
      'https://0.0.0.0/h',
    ])
      assert.equal(refusal(() => checkWebhookUrl(url, 'input.url', false)).rule, 'PRIVATE_ADDRESS', url);
    assert.equal(checkWebhookUrl('https://127.0.0.1:9000/h', 'input.url', true), 'https://127.0.0.1:9000/h');
  });

  it('refuses credentials in the URL, relative URLs and overlong ones', () => {
    assert.equal(refusal(() => checkWebhookUrl('https://u:p@push.example/', 'u', false)).rule, 'CREDENTIALS');
    assert.equal(refusal(() => checkWebhookUrl('/hook', 'u', false)).rule, 'FORMAT');
    assert.equal(refusal(() => checkWebhookUrl(`https://a.example/${'x'.repeat(2000)}`, 'u', false)).rule, 'LENGTH');
  });

  it('classifies addresses', () => {
    assert.equal(isNonPublicAddress('8.8.8.8'), false);
    assert.equal(isNonPublicAddress('2001:db8::1'), false);
    assert.equal(isNonPublicAddress('100.64.0.1'), true);
    assert.equal(isNonPublicAddress('fe80::1'), true);
    assert.equal(isNonPublicAddress('push.example'), false);
  });
});

describe('checkEventTypes', () => {
  const known = knownEventTypes(['list.entry.removed', 'credit.check.recorded']);

  it('knows the catalogue and measure.lift.required', () => {
    assert.deepEqual(known, ['credit.check.recorded', 'list.entry.removed', 'measure.lift.required']);
  });

  it('names the unknown or repeated entry by position', () => {
    assert.deepEqual(
      refusal(() => checkEventTypes(['list.entry.removed', 'list.removed'], known, 'input.eventTypes')),
      {
        code: 'BAD_USER_INPUT',
        field: 'input.eventTypes[1]',
        rule: 'UNKNOWN_EVENT_TYPE',
        position: 1,
      },
    );
    assert.equal(
      refusal(() => checkEventTypes(['list.entry.removed', 'list.entry.removed'], known, 'f')).rule,
      'REPEATED',
    );
    assert.equal(refusal(() => checkEventTypes([], known, 'f')).rule, 'REQUIRED');
  });
});

describe('checkNewSubscription', () => {
  const known = knownEventTypes(['list.entry.removed']);
  const base = { name: '市场监管许可审批系统', url: 'https://h.example/', eventTypes: ['list.entry.removed'] };

  it('binds a department system to a known department, a credit service to its name', () => {
    assert.equal(
      checkNewSubscription({ ...base, ownerKind: 'DEPARTMENT', department: 'market' }, known, false).department,
      'market',
    );
    assert.equal(
      checkNewSubscription({ ...base, ownerKind: 'CREDIT_SERVICE', serviceName: ' 某信用服务机构 ' }, known, false)
        .serviceName,
      '某信用服务机构',
    );
    assert.deepEqual(
      refusal(() => checkNewSubscription({ ...base, ownerKind: 'DEPARTMENT', department: 'x' }, known, false)),
      {
        code: 'BAD_USER_INPUT',
        field: 'input.department',
        rule: 'ENUM',
      },
    );
    assert.equal(
      refusal(() => checkNewSubscription({ ...base, ownerKind: 'CREDIT_SERVICE' }, known, false)).field,
      'input.serviceName',
    );
    assert.equal(
      refusal(() =>
        checkNewSubscription(
          { ...base, ownerKind: 'CREDIT_SERVICE', serviceName: 'abc', department: 'tax' },
          known,
          false,
        ),
      ).rule,
      'NOT_ALLOWED',
    );
  });
});

describe('the retry schedule', () => {
  it('waits 30 s × 4ⁿ, the last capped at 24 h, eight attempts over about 35 hours', () => {
    assert.deepEqual(
      RETRY_DELAYS_SECONDS.map((_, i) => retryDelayMs(i + 1, 0.5)),
      [30_000, 120_000, 480_000, 1_920_000, 7_680_000, 30_720_000, 86_400_000],
    );
    assert.equal(MAX_ATTEMPTS, 8);
    assert.equal(retryDelayMs(8, 0.5), null);
    assert.equal(
      RETRY_DELAYS_SECONDS.reduce((a, b) => a + b, 0),
      127_350,
    );
  });

  it('jitters each wait within ±20 %', () => {
    assert.equal(retryDelayMs(1, 0), 24_000);
    assert.equal(retryDelayMs(1, 0.999_999), 36_000);
  });

  it('delivers on 2xx, disables on 410, retries the rest until the last attempt', () => {
    assert.equal(outcomeOf(204, 1), 'DELIVERED');
    assert.equal(outcomeOf(410, 1), 'GONE');
    assert.equal(outcomeOf(500, 1), 'RETRY');
    assert.equal(outcomeOf(null, 7), 'RETRY');
    assert.equal(outcomeOf(302, 8), 'DEAD');
  });
});

describe('liftTargets', () => {
  const at = new Date('2026-06-01T00:00:00Z');
  const day = (d: string) => new Date(`${d}T00:00:00Z`);

  it('names each department that intercepted or restricted within the window once, with its latest check', () => {
    assert.deepEqual(
      liftTargets(
        [
          { department: 'tax', action: 'RESTRICT', checkedAt: day('2026-05-01') },
          { department: 'tax', action: 'INTERCEPT', checkedAt: day('2026-05-20') },
          { department: 'market', action: 'WARN', checkedAt: day('2026-05-20') },
          { department: 'court', action: 'RESTRICT', checkedAt: day('2025-01-01') },
          { department: 'housing', action: 'RESTRICT', checkedAt: day('2026-06-02') },
        ],
        at,
        90,
      ),
      [{ department: 'tax', actions: ['INTERCEPT', 'RESTRICT'], lastCheckedAt: day('2026-05-20') }],
    );
  });
});

describe('webhook body and secret', () => {
  it('has the Standard Webhooks shape with the envelope under data', () => {
    const body = JSON.parse(
      webhookBody({
        id: 'e1',
        type: 'list.entry.removed',
        subjectCode: '91350100M000100Y43',
        department: 'market',
        occurredAt: new Date('2026-05-01T02:00:00Z'),
        payloadVersion: 1,
        payload: { list: 'SERIOUS_ILLEGAL' },
      }),
    );
    assert.deepEqual(body, {
      type: 'list.entry.removed',
      timestamp: '2026-05-01T02:00:00.000Z',
      data: {
        id: 'e1',
        type: 'list.entry.removed',
        subjectCode: '91350100M000100Y43',
        department: 'market',
        occurredAt: '2026-05-01T02:00:00.000Z',
        version: 1,
        payload: { list: 'SERIOUS_ILLEGAL' },
      },
    });
    assert.match(webhookSecretFrom(new Uint8Array(32)), /^whsec_[A-Za-z0-9+/]{43}=$/);
  });
});
