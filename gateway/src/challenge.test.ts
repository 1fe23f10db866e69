import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Request, Response } from 'express';
import { DEFAULT_CHALLENGE, SearchChallenge } from './challenge.ts';

// The search challenge's puzzle as production configures it (PBKDF2/SHA-256), made cheap only in its cost so the
// test solves it quickly; e2e/search-challenge.test.ts runs the whole path through the hub.

/** The JSON the challenge route answers. */
async function challengeFrom(challenge: SearchChallenge): Promise<any> {
  let body: unknown;
  const headers: Record<string, string> = {};
  const res = {
    set: (name: string, value: string) => ((headers[name.toLowerCase()] = value), res),
    json: (value: unknown) => ((body = value), res),
  } as unknown as Response;
  await new Promise<void>((resolve, reject) => {
    challenge.handler({} as Request, res, (error?: unknown) => (error ? reject(error) : resolve()));
    setTimeout(resolve, 200);
  });
  assert.equal(headers['cache-control'], 'no-store');
  return body;
}

describe('the search challenge puzzle', () => {
  it('defaults to PBKDF2/SHA-256 with 5,000 iterations, after 30 searches in 10 minutes', async () => {
    assert.equal(DEFAULT_CHALLENGE.searchesPerWindow, 30);
    assert.equal(DEFAULT_CHALLENGE.windowSeconds, 600);
    const issued = await challengeFrom(new SearchChallenge({ searchesPerWindow: 30, windowSeconds: 600 }));
    assert.equal(issued.parameters.algorithm, 'PBKDF2/SHA-256');
    assert.equal(issued.parameters.cost, 5000);
    assert.ok(issued.parameters.expiresAt > Date.now() / 1000, 'it expires');
    assert.match(issued.signature, /^[0-9a-f]{64}$/);
  });

  it('accepts a PBKDF2 solution once and refuses one signed by another gateway', async () => {
    const options = { searchesPerWindow: 1, windowSeconds: 600, cost: 1, maxNumber: 200 };
    const challenge = new SearchChallenge({ ...options, hmacKey: 'k'.repeat(32) });
    const issued = await challengeFrom(challenge);
    const solution = await solveChallenge({ challenge: issued, deriveKey, timeout: 10_000 });
    assert.ok(solution);
    const payload = Buffer.from(JSON.stringify({ challenge: issued, solution })).toString('base64');
    const elsewhere = new SearchChallenge({ ...options, hmacKey: 'x'.repeat(32) });
    await assert.rejects(elsewhere.admit('c', payload), (e: any) => e.extensions.reason === 'INVALID');
    await challenge.admit('c', payload);
    await assert.rejects(challenge.admit('c', payload), (e: any) => e.extensions.reason === 'REPLAYED');
  });
});
