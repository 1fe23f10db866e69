import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { PUBLIC_IDENTITY, requestDigest, signIdentity, verifyIdentity } from './access/identity.ts';
import { ClusterReplayCache } from './access/replay.ts';
import {
  answerStateRequest,
  ClusterStateClient,
  isStateRequest,
  StateStore,
  type StateChannel,
  type StateRequest,
} from './cluster-state.ts';

/**
 * A worker's channel to a primary holding `store`, delivering each way on a later turn as the IPC pipe does. `drop`
 * makes the primary silent (a stuck primary); `disconnect()` ends the channel (the primary gone).
 */
function channelTo(store: StateStore, options: { drop?: boolean; sendFails?: boolean } = {}) {
  const listeners: ((message: unknown) => void)[] = [];
  const onGone: (() => void)[] = [];
  let connected = true;
  const sent: StateRequest[] = [];
  const channel: StateChannel = {
    connected: () => connected,
    send(message, done) {
      sent.push(message);
      if (options.sendFails) return setImmediate(() => done(new Error('channel closed')));
      setImmediate(() => {
        done(null);
        // What the primary receives is a copy (serialised), and its answer comes back a turn later.
        const received: unknown = JSON.parse(JSON.stringify(message));
        if (options.drop || !isStateRequest(received)) return;
        const answer = JSON.parse(JSON.stringify(answerStateRequest(store, received))) as unknown;
        setImmediate(() => listeners.forEach((listener) => listener(answer)));
      });
    },
    onMessage: (listener) => void listeners.push(listener),
    onDisconnect: (listener) => void onGone.push(listener),
  };
  return {
    channel,
    sent,
    /** Replays the primary's answer to a request (a late answer after its timeout). */
    answerLate: (request: StateRequest) => listeners.forEach((l) => l(answerStateRequest(store, request))),
    disconnect() {
      connected = false;
      onGone.forEach((listener) => listener());
    },
  };
}

async function unavailable(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GraphQLError, String(error));
    assert.equal(error.extensions.code, 'SHARED_STATE_UNAVAILABLE');
    assert.equal(error.extensions.retryable, true);
    return String(error.extensions.reason);
  }
  return 'ANSWERED';
}

describe('StateStore (the primary)', () => {
  it('counts in a window and forgets the counter when it ends', () => {
    let now = 1_000;
    const store = new StateStore(() => now);
    assert.deepEqual(store.apply({ op: 'incr', key: 'k', ms: 500 }), [1, 1_500]);
    assert.deepEqual(store.apply({ op: 'incr', key: 'k', ms: 500 }), [2, 1_500], 'the window is the first add’s');
    store.apply({ op: 'decr', key: 'k' });
    assert.deepEqual(store.apply({ op: 'incr', key: 'k', ms: 500 }), [2, 1_500]);
    now = 1_500;
    assert.deepEqual(store.apply({ op: 'incr', key: 'k', ms: 500 }), [1, 2_000], 'a new window at its end');
    store.apply({ op: 'del', key: 'k' });
    assert.deepEqual(store.apply({ op: 'incr', key: 'k', ms: 500 }), [1, 2_000]);
    store.close();
  });

  it('marks a key once until it expires, and sweeps what expired', () => {
    let now = 0;
    const store = new StateStore(() => now);
    assert.equal(store.apply({ op: 'claim', key: 'n', ms: 60_000 }), true);
    assert.equal(store.apply({ op: 'claim', key: 'n', ms: 60_000 }), false);
    assert.equal(store.apply({ op: 'has', key: 'n' }), true);
    for (let i = 0; i < 100; i++) store.apply({ op: 'claim', key: `m${i}`, ms: 10 });
    now = 11;
    store.sweep();
    assert.equal(store.size, 1, 'only the live mark is left');
    now = 60_000;
    assert.equal(store.apply({ op: 'has', key: 'n' }), false);
    assert.equal(store.apply({ op: 'claim', key: 'n', ms: 60_000 }), true);
    store.close();
  });

  it('answers an unknown operation with null, which no client takes for a success', async () => {
    const store = new StateStore();
    const answer = answerStateRequest(store, {
      kind: 'credit-hub:state?',
      id: 7,
      ops: [{ op: 'nope' } as never, { op: 'claim', key: 'x', ms: 10 }],
    });
    assert.deepEqual(answer, { kind: 'credit-hub:state', id: 7, results: [null, true] });
    store.close();
  });
});

describe('ClusterStateClient (a worker)', () => {
  it('shares counters and claims between workers: a claim is won once', async () => {
    const store = new StateStore();
    const a = new ClusterStateClient(channelTo(store).channel);
    const b = new ClusterStateClient(channelTo(store).channel);
    const claims = await Promise.all([a.claim('nonce:1', 60_000), b.claim('nonce:1', 60_000)]);
    assert.deepEqual(claims.sort(), [false, true]);
    await a.increment('rate:ip', 60_000);
    const { count } = await b.increment('rate:ip', 60_000);
    assert.equal(count, 2);
    assert.equal(await b.has('nonce:1'), true);
    await a.delete('nonce:1');
    assert.equal(await b.has('nonce:1'), false);
    store.close();
  });

  it('sends the operations of one turn as one request, answered in order', async () => {
    const store = new StateStore();
    const { channel, sent } = channelTo(store);
    const client = new ClusterStateClient(channel);
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => client.claim(`nonce:${i}`, 1_000)),
      client.claim('nonce:3', 1_000),
      client.increment('rate:x', 1_000).then((r) => r.count),
    ]);
    assert.deepEqual(answers, [...Array(10).fill(true), false, 1]);
    assert.equal(sent.length, 1);
    assert.deepEqual(client.counts, { requests: 1, ops: 12, failures: {} });
    await client.claim('nonce:later', 1_000);
    assert.deepEqual(client.counts, { requests: 2, ops: 13, failures: {} }, 'the next turn is the next request');
    store.close();
  });

  it('fails a request the primary does not answer in time as TIMEOUT, and ignores the late answer', async () => {
    const store = new StateStore();
    const link = channelTo(store, { drop: true });
    const client = new ClusterStateClient(link.channel, 20);
    assert.equal(await unavailable(client.claim('nonce:t', 1_000)), 'TIMEOUT');
    link.answerLate(link.sent[0]!);
    assert.equal(store.apply({ op: 'has', key: 'nonce:t' }), true, 'the primary did take it (late)');
    store.close();
  });

  it('fails pending and later requests as PRIMARY_GONE once the channel ends, without throwing', async () => {
    const store = new StateStore();
    const link = channelTo(store, { drop: true });
    const client = new ClusterStateClient(link.channel, 60_000);
    const pending = client.claim('nonce:p', 1_000);
    await new Promise((resolve) => setImmediate(resolve));
    link.disconnect();
    assert.equal(await unavailable(pending), 'PRIMARY_GONE');
    assert.equal(await unavailable(client.increment('rate:y', 1_000)), 'PRIMARY_GONE');
    assert.deepEqual(client.counts.failures, { PRIMARY_GONE: 2 });
    store.close();
  });

  it('fails a request whose message could not be written as PRIMARY_GONE', async () => {
    const store = new StateStore();
    const client = new ClusterStateClient(channelTo(store, { sendFails: true }).channel, 60_000);
    assert.equal(await unavailable(client.has('state:x')), 'PRIMARY_GONE');
    store.close();
  });
});

describe('ClusterReplayCache', () => {
  const SECRET = 'unit-test-internal-identity-secret-000000';
  const digest = requestDigest('{ regions { code } }', {});

  it('refuses on one worker an identity header another worker accepted', async () => {
    const store = new StateStore();
    const a = new ClusterReplayCache(new ClusterStateClient(channelTo(store).channel));
    const b = new ClusterReplayCache(new ClusterStateClient(channelTo(store).channel));
    const header = await signIdentity(PUBLIC_IDENTITY, SECRET, digest);
    assert.equal((await verifyIdentity(header, SECRET, digest, a)).role, 'PUBLIC');
    await assert.rejects(verifyIdentity(header, SECRET, digest, b), { reason: 'REPLAYED' });
    store.close();
  });

  it('fails closed when the primary is gone: the header is refused with a retryable code', async () => {
    const store = new StateStore();
    const link = channelTo(store);
    const cache = new ClusterReplayCache(new ClusterStateClient(link.channel));
    link.disconnect();
    const header = await signIdentity(PUBLIC_IDENTITY, SECRET, digest);
    assert.equal(await unavailable(verifyIdentity(header, SECRET, digest, cache)), 'PRIMARY_GONE');
    store.close();
  });
});
