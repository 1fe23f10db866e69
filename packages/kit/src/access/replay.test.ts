import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdentityError, PUBLIC_IDENTITY, requestDigest, signIdentity, verifyIdentity } from './identity.ts';
import { MemoryReplayCache, RedisReplayCache } from './replay.ts';

const SECRET = 'unit-test-internal-identity-secret-000000';
const digest = requestDigest('{ regions { code } }', {});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof IdentityError);
    return error.reason;
  }
  return 'ACCEPTED';
}

describe('MemoryReplayCache', () => {
  it('accepts a nonce once until it expires, then forgets it', async () => {
    let now = 1_000;
    const cache = new MemoryReplayCache(() => now);
    assert.equal(await cache.claim('a', 61_000), true);
    assert.equal(await cache.claim('a', 61_000), false);
    now = 61_000;
    assert.equal(await cache.claim('a', 121_000), false, 'still refused at the instant it expires');
    now = 61_001;
    assert.equal(await cache.claim('a', 121_001), true, 'a header past its expiry is refused as expired anyway');
  });

  it('trims expired nonces as it goes: its size is the rate times the lifetime, not the total', async () => {
    let now = 0;
    const cache = new MemoryReplayCache(() => now);
    for (let i = 0; i < 10_000; i += 1) {
      now = i * 10; // 100 requests per second …
      assert.equal(await cache.claim(`n${i}`, now + 60_000), true);
    }
    // … for 100 s: only the last 60 s are remembered.
    assert.ok(cache.size <= 6_001 && cache.size >= 5_999, `size ${cache.size}`);
  });
});

describe('verifyIdentity spends the one-time value', () => {
  it('accepts a header once; the second use is REPLAYED', async () => {
    const cache = new MemoryReplayCache();
    const header = await signIdentity(PUBLIC_IDENTITY, SECRET, digest);
    assert.equal((await verifyIdentity(header, SECRET, digest, cache)).role, 'PUBLIC');
    assert.equal(await refusal(verifyIdentity(header, SECRET, digest, cache)), 'REPLAYED');
  });

  it('names every other refusal, and none of them spends the nonce', async () => {
    const cache = new MemoryReplayCache();
    const header = await signIdentity(PUBLIC_IDENTITY, SECRET, digest);
    assert.equal(await refusal(verifyIdentity('x', SECRET, digest, cache)), 'MALFORMED');
    assert.equal(await refusal(verifyIdentity(header, `${SECRET}!`, digest, cache)), 'BAD_SIGNATURE');
    assert.equal(await refusal(verifyIdentity(header, SECRET, requestDigest('{ a }', {}), cache)), 'OTHER_REQUEST');
    assert.equal(cache.size, 0);
    assert.equal(await refusal(verifyIdentity(header, SECRET, digest, cache)), 'ACCEPTED');
  });

  it('refuses a correctly signed header without a one-time value (as signed before nonces existed)', async () => {
    const { createHmac } = await import('node:crypto');
    const payload = Buffer.from(
      JSON.stringify({ ...PUBLIC_IDENTITY, dig: digest, exp: Date.now() + 60_000 }),
      'utf8',
    ).toString('base64url');
    const header = `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`;
    assert.equal(await refusal(verifyIdentity(header, SECRET, digest, new MemoryReplayCache())), 'NO_NONCE');
  });
});

describe('RedisReplayCache when Redis cannot be reached', () => {
  it("keeps answering from this process's memory (a replay to this replica is still refused) and says so once", async () => {
    const lines: string[] = [];
    // A closed loopback port: connection refused at once.
    const cache = new RedisReplayCache('redis://127.0.0.1:1', (line) => lines.push(line));
    try {
      const header = await signIdentity(PUBLIC_IDENTITY, SECRET, digest);
      assert.equal(await refusal(verifyIdentity(header, SECRET, digest, cache)), 'ACCEPTED');
      assert.equal(await refusal(verifyIdentity(header, SECRET, digest, cache)), 'REPLAYED');
      assert.equal(lines.length, 1);
      assert.match(lines[0]!, /Redis unavailable/);
    } finally {
      await cache.close();
    }
  });

  it('ready() gives up after its timeout, says so once, and the cache then answers from memory', async () => {
    const lines: string[] = [];
    const cache = new RedisReplayCache('redis://127.0.0.1:1', (line) => lines.push(line));
    try {
      await cache.ready(50);
      assert.equal(lines.length, 1);
      assert.match(lines[0]!, /not connected after 50 ms/);
      const header = await signIdentity(PUBLIC_IDENTITY, SECRET, digest);
      assert.equal(await refusal(verifyIdentity(header, SECRET, digest, cache)), 'ACCEPTED');
      assert.equal(await refusal(verifyIdentity(header, SECRET, digest, cache)), 'REPLAYED');
      assert.equal(lines.length, 1);
    } finally {
      await cache.close();
    }
  });
});
