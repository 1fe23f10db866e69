import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { clock, type Identity, type RunningService } from '@credit-hub/kit';
import {
  assertBadInput,
  assertOk,
  assertRefused,
  callers,
  createTestDatabase,
  expectForbidden,
  onDay,
  postAs,
  refusedWrite,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
  writeRows,
} from '@credit-hub/kit/testing';
import { startAccessSubgraph } from '../src/index.ts';

// The access subgraph's mutations over real HTTP against a real Postgres clone. The file starts with no key and
// every write goes through the API, so the audit trail can be compared write by write at the end.
let tdb: TestDatabase;
let service: RunningService;

const admin = callers.admin();
const TABLES = ['access.api_key'];

/** Every successful write, in order: the audit trail must hold exactly these WRITE rows. */
const expectedWrites: { actor: string; mutation: string; detail: RegExp }[] = [];

const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    key
    apiKey { id prefix name department scopes createdBy createdAt expiresAt revokedAt revokedBy lastUsedAt }
  }
}`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt revokedBy } }`;

const call = (who: Identity, q: string, variables: Record<string, unknown>) => postAs(service.url, who, q, variables);

async function create(input: Record<string, unknown>, who: Identity = admin) {
  const answer = await call(who, CREATE, { input });
  const created = (answer.body.data as any)?.createApiKey;
  if (created)
    expectedWrites.push({
      actor: who.actor,
      mutation: 'Mutation.createApiKey',
      detail: new RegExp(`^key ${created.apiKey.id} \\(${created.apiKey.prefix}\\) for `),
    });
  return answer;
}
async function revoke(id: string, who: Identity = admin) {
  const answer = await call(who, REVOKE, { id });
  if ((answer.body.data as any)?.revokeApiKey)
    expectedWrites.push({ actor: who.actor, mutation: 'Mutation.revokeApiKey', detail: new RegExp(`^key ${id}$`) });
  return answer;
}

const valid = { name: '市场监管许可审批系统', department: 'market', scopes: ['READ', 'WRITE'] };

before(async () => {
  tdb = await createTestDatabase();
  service = await startAccessSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
});

describe('createApiKey', () => {
  it('returns the key once and stores only its hash, with the scopes lower-case', async () => {
    const { key, apiKey } = assertOk(
      await create({ ...valid, name: '  市场监管许可审批系统 ', scopes: ['READ', 'WRITE', 'READ'] }),
      'createApiKey',
    );
    assert.match(key, /^chk_[A-Za-z2-9]{12}_[A-Za-z0-9_-]{43}$/);
    assert.equal(key.slice(4, 16), apiKey.prefix);
    assert.deepEqual(
      { ...apiKey, id: undefined, prefix: undefined, createdAt: undefined },
      {
        id: undefined,
        prefix: undefined,
        createdAt: undefined,
        name: '市场监管许可审批系统',
        department: 'market',
        scopes: ['READ', 'WRITE'],
        createdBy: 'admin-1',
        expiresAt: null,
        revokedAt: null,
        revokedBy: null,
        lastUsedAt: null,
      },
    );
    const stored = await tdb.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    assert.equal(stored.hash, createHash('sha256').update(key).digest('hex'));
    assert.deepEqual(stored.scopes, ['read', 'write']);
    assert.ok(!JSON.stringify(stored).includes(key), 'the key itself is stored nowhere');
  });

  it('makes a different key every time', async () => {
    const one = assertOk(await create(valid), 'createApiKey');
    const two = assertOk(await create(valid), 'createApiKey');
    assert.notEqual(one.key, two.key);
    assert.notEqual(one.apiKey.prefix, two.apiKey.prefix);
  });

  it('keeps an expiry in the future', async () => {
    const expiresAt = new Date(clock.now().getTime() + 90 * 86_400_000).toISOString();
    const { apiKey } = assertOk(await create({ ...valid, expiresAt }), 'createApiKey');
    assert.equal(apiKey.expiresAt, expiresAt);
  });

  for (const [label, change, field, rule] of [
    ['a one-character name', { name: ' 系 ' }, 'input.name', 'LENGTH'],
    ['a name over 100 characters', { name: '系'.repeat(101) }, 'input.name', 'LENGTH'],
    ['an unknown department', { department: 'police' }, 'input.department', 'ENUM'],
    ['no scope', { scopes: [] }, 'input.scopes', 'REQUIRED'],
    ['an expiry in the past', { expiresAt: '2020-01-01T00:00:00.000Z' }, 'input.expiresAt', 'FUTURE'],
  ] as const) {
    it(`refuses ${label} (${field}, ${rule}): no data, nothing written`, async () => {
      await refusedWrite(
        tdb.db,
        TABLES,
        () => create({ ...valid, ...change }),
        (answer) => assertBadInput(answer, field, rule),
      );
    });
  }

  it('judges the expiry by the hub clock', async () => {
    // On 2030-01-01 an expiry in 2029 is in the past, whatever the machine's date.
    await onDay('2030-01-01', () =>
      refusedWrite(
        tdb.db,
        TABLES,
        () => create({ ...valid, expiresAt: '2029-06-01T00:00:00.000Z' }),
        (answer) => assertBadInput(answer, 'input.expiresAt', 'FUTURE'),
      ),
    );
  });

  it('refuses an unknown scope before anything runs', async () => {
    await refusedWrite(
      tdb.db,
      TABLES,
      () => create({ ...valid, scopes: ['ADMIN'] }),
      (answer) => {
        assert.equal(answer.status, 400);
        assertRefused(answer, { code: 'BAD_USER_INPUT' });
      },
    );
  });

  for (const [label, who] of [
    ['a supervisor', callers.supervisor('检查')],
    ['an officer', callers.officer('market')],
    ['a system with the write scope', callers.system('market', ['read', 'write'])],
    ['the public', callers.public],
  ] as const) {
    it(`is refused to ${label}: no data, nothing written`, async () => {
      await refusedWrite(
        tdb.db,
        TABLES,
        () => create(valid, who),
        (answer) => expectForbidden(answer, ['createApiKey']),
      );
    });
  }
});

describe('revokeApiKey', () => {
  let id: string;
  before(async () => {
    id = assertOk(await create({ ...valid, name: '待吊销系统' }), 'createApiKey').apiKey.id;
  });

  it("records the time and the administrator, and leaves the key's other columns alone", async () => {
    const revoked = assertOk(await revoke(id), 'revokeApiKey');
    assert.equal(revoked.id, id);
    assert.equal(revoked.revokedBy, 'admin-1');
    assert.ok(Math.abs(Date.parse(revoked.revokedAt) - clock.now().getTime()) < 60_000);
    const stored = await tdb.db.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    assert.equal(stored.revokedAt?.toISOString(), revoked.revokedAt);
    assert.equal(stored.name, '待吊销系统');
  });

  it('keeps the first revocation when asked again (and records the request)', async () => {
    const first = await tdb.db.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    const other = { ...admin, actor: 'admin-2' };
    const again = assertOk(await revoke(id, other), 'revokeApiKey');
    assert.equal(again.revokedAt, first.revokedAt?.toISOString());
    assert.equal(again.revokedBy, 'admin-1');
  });

  it('answers NOT_FOUND for an unknown key: no data, nothing written', async () => {
    await refusedWrite(
      tdb.db,
      TABLES,
      () => revoke('00000000-0000-4000-8000-000000000000'),
      (answer) => assertRefused(answer, { code: 'NOT_FOUND', field: 'id' }),
    );
  });

  it('refuses a malformed id (id, FORMAT): no data, nothing written', async () => {
    await refusedWrite(
      tdb.db,
      TABLES,
      () => revoke('not-a-key-id'),
      (answer) => assertBadInput(answer, 'id', 'FORMAT'),
    );
  });

  it('is refused to a supervisor: no data, nothing written', async () => {
    const other = assertOk(await create({ ...valid, name: '监管不可吊销' }), 'createApiKey').apiKey.id;
    await refusedWrite(
      tdb.db,
      TABLES,
      () => revoke(other, callers.supervisor('检查')),
      (answer) => expectForbidden(answer, ['revokeApiKey']),
    );
  });
});

describe('the audit trail', () => {
  it('holds exactly the writes made, each with who and which key', async () => {
    const rows = await writeRows(tdb.db);
    assert.equal(rows.length, expectedWrites.length);
    rows.forEach((row, i) => {
      const expected = expectedWrites[i]!;
      assert.equal(row.actor, expected.actor);
      assert.equal(row.role, 'ADMIN');
      assert.equal(row.subject_code, null);
      assert.deepEqual(JSON.parse(row.fields), [expected.mutation]);
      assert.match(row.detail ?? '', expected.detail);
    });
  });
});
