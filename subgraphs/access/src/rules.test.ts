import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import type { ApiKeyScope } from './__generated__/types.ts';
import {
  apiKeyFrom,
  apiScopes,
  checkApiKeyId,
  checkNewApiKey,
  hashApiKey,
  PREFIX_ALPHABET,
  storedScopes,
} from './rules.ts';

const NOW = new Date('2026-11-20T02:00:00Z');
const valid = { name: '  税务征管系统 ', department: 'tax', scopes: ['READ', 'WRITE', 'READ'] as const };

/** The refusal thrown by `run`: BAD_USER_INPUT with this field and rule. */
function refuses(run: () => unknown, field: string, rule: string) {
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof GraphQLError);
    assert.deepEqual([e.extensions.code, e.extensions.field, e.extensions.rule], ['BAD_USER_INPUT', field, rule]);
    return true;
  });
}

describe('apiKeyFrom', () => {
  it('makes chk_<prefix>_<secret> from the bytes drawn, and stores only its SHA-256', () => {
    const { key, prefix, hash } = apiKeyFrom(new Uint8Array(12).fill(0), new Uint8Array(32).fill(255));
    assert.equal(prefix, 'A'.repeat(12));
    assert.equal(key, `chk_${'A'.repeat(12)}_${'_'.repeat(42)}8`);
    assert.equal(hash, hashApiKey(key));
    assert.match(hash, /^[0-9a-f]{64}$/);
  });

  it('draws prefix characters only from the readable alphabet', () => {
    const bytes = Uint8Array.from({ length: 12 }, (_, i) => i * 21);
    const { prefix } = apiKeyFrom(bytes, new Uint8Array(32));
    assert.equal(prefix.length, 12);
    assert.ok([...prefix].every((c) => PREFIX_ALPHABET.includes(c)));
    assert.doesNotMatch(PREFIX_ALPHABET, /[01OIl]/);
  });

  it('refuses the wrong number of bytes rather than making a short key', () => {
    assert.throws(() => apiKeyFrom(new Uint8Array(11), new Uint8Array(32)));
    assert.throws(() => apiKeyFrom(new Uint8Array(12), new Uint8Array(16)));
  });
});

describe('checkNewApiKey', () => {
  it('trims the name and stores scopes lower-case, each once', () => {
    assert.deepEqual(checkNewApiKey({ ...valid, scopes: [...valid.scopes] }, NOW), {
      name: '税务征管系统',
      department: 'tax',
      scopes: ['read', 'write'],
      expiresAt: null,
    });
  });

  it('keeps an expiry in the future', () => {
    const expiresAt = new Date('2027-01-01T00:00:00Z');
    assert.equal(checkNewApiKey({ ...valid, scopes: ['READ'], expiresAt }, NOW).expiresAt, expiresAt);
  });

  for (const [label, change, field, rule] of [
    ['a one-character name', { name: ' 税 ' }, 'input.name', 'LENGTH'],
    ['a name over 100 characters', { name: '系'.repeat(101) }, 'input.name', 'LENGTH'],
    ['an unknown department', { department: 'police' }, 'input.department', 'ENUM'],
    ['no scope', { scopes: [] as ApiKeyScope[] }, 'input.scopes', 'REQUIRED'],
    ['an expiry now', { expiresAt: NOW }, 'input.expiresAt', 'FUTURE'],
    ['an expiry in the past', { expiresAt: new Date('2026-01-01T00:00:00Z') }, 'input.expiresAt', 'FUTURE'],
  ] as const) {
    it(`refuses ${label} naming ${field} and ${rule}`, () => {
      refuses(() => checkNewApiKey({ ...valid, scopes: ['READ'], ...change }, NOW), field, rule);
    });
  }
});

describe('scopes', () => {
  it('go to storage lower-case and come back as the enum', () => {
    assert.deepEqual(storedScopes(['PERSONAL', 'READ']), ['personal', 'read']);
    assert.deepEqual(apiScopes(['read', 'write', 'personal']), ['READ', 'WRITE', 'PERSONAL']);
  });

  it('fail loudly on a stored scope the enum does not know', () => {
    assert.throws(() => apiScopes(['read', 'admin']), /unknown API key scope "admin"/);
  });
});

describe('checkApiKeyId', () => {
  it('accepts a UUID in either case and refuses anything else with FORMAT', () => {
    assert.equal(checkApiKeyId('0A1B2C3D-4E5F-4a6b-8c7d-9e0f1a2b3c4d'), '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    refuses(() => checkApiKeyId('not-a-key'), 'id', 'FORMAT');
    refuses(() => checkApiKeyId('-'.repeat(36)), 'id', 'FORMAT');
  });
});
