import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  IdentityError,
  PUBLIC_IDENTITY,
  requestDigest,
  signIdentityNow,
  verifyIdentity,
  type Identity,
} from './identity.ts';
import { MemoryReplayCache } from './replay.ts';

// The signer keeps per-secret key objects, a pool of random bytes for the one-time values and each identity's JSON
// (ADR 0129): the header must stay exactly what it was, and every check must still run on every header.
const digest = requestDigest('query($representations: [_Any!]!) { _entities(representations: $representations) }', {
  representations: [{ __typename: 'CreditSubject', code: '91330100MA27XXXX1X' }],
});
const officer: Identity = {
  actor: 'user-7',
  role: 'OFFICER',
  department: 'tax',
  scopes: ['read'],
  purpose: 'case 2026-17',
  client: '10.0.0.8',
  subjectCode: null,
};

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof IdentityError);
    return error.reason;
  }
  return 'ACCEPTED';
}

const claimsOf = (header: string) =>
  JSON.parse(Buffer.from(header.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('signIdentityNow', () => {
  it('writes the claims the spread object wrote: the identity, then dig, exp and jti', () => {
    const before = Date.now();
    const header = signIdentityNow(officer, 'secret-a-0123456789', digest);
    const claims = claimsOf(header);
    const { exp, jti } = claims;
    assert.deepEqual(claims, { ...officer, dig: digest, exp, jti });
    assert.deepEqual(Object.keys(claims), [...Object.keys(officer), 'dig', 'exp', 'jti']);
    assert.ok(typeof exp === 'number' && exp >= before + 60_000 && exp <= Date.now() + 60_000);
    assert.match(String(jti), /^[A-Za-z0-9_-]{22}$/);
  });

  it('gives every header its own one-time value, across refills of the random pool', () => {
    const seen = new Set<string>();
    // 4 KiB of pool is 256 values: a thousand headers refill it several times.
    for (let i = 0; i < 1000; i++)
      seen.add(String(claimsOf(signIdentityNow(PUBLIC_IDENTITY, 's-0123456789', digest)).jti));
    assert.equal(seen.size, 1000);
  });

  it('verifies with the secret it was signed with and refuses every other, for more secrets than it keeps keys of', async () => {
    const replay = new MemoryReplayCache();
    for (let i = 0; i < 40; i++) {
      const secret = `secret-${i}-0123456789`;
      const header = signIdentityNow(officer, secret, digest);
      assert.equal(await reason(verifyIdentity(header, `secret-${i + 1}-0123456789`, digest, replay)), 'BAD_SIGNATURE');
      const { subjectCode: _none, ...verified } = officer;
      assert.deepEqual(await verifyIdentity(header, secret, digest, replay), verified);
      assert.equal(await reason(verifyIdentity(header, secret, digest, replay)), 'REPLAYED');
    }
  });

  it('signs a changed caller afresh (a new identity object) and binds each header to its request', async () => {
    const replay = new MemoryReplayCache();
    const enterprise: Identity = { ...PUBLIC_IDENTITY, role: 'ENTERPRISE', subjectCode: '91330100MA27XXXX1X' };
    const header = signIdentityNow(enterprise, 'secret-e-0123456789', digest);
    assert.equal(claimsOf(header).subjectCode, '91330100MA27XXXX1X');
    assert.equal(
      await reason(verifyIdentity(header, 'secret-e-0123456789', requestDigest('{ other }', {}), replay)),
      'OTHER_REQUEST',
    );
    const verified = await verifyIdentity(header, 'secret-e-0123456789', digest, replay);
    assert.equal(verified.role, 'ENTERPRISE');
    assert.equal(verified.subjectCode, '91330100MA27XXXX1X');
  });
});
