import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InProcessRequest } from '@credit-hub/kit';
import { IDENTITY_HEADER } from '@credit-hub/kit';
import { SubgraphClient } from './fetcher.ts';
import { mergeEntityAnswers, servePeerFetches, splitRepresentations } from './spread.ts';

const rep = (code: string) => ({ __typename: 'CreditSubject', code });

describe('splitRepresentations', () => {
  it('cuts a fetch into parts of nearly equal size that together hold every index once', () => {
    const representations = Array.from({ length: 1001 }, (_, i) => rep(`S${i}`));
    const groups = splitRepresentations(representations, 3);
    assert.equal(groups.length, 3);
    assert.deepEqual(
      groups.map((g) => g.length),
      [334, 334, 333],
    );
    assert.deepEqual(
      groups.flat().sort((a, b) => a - b),
      representations.map((_, i) => i),
    );
  });

  it('keeps equal representations in one part, so a subgraph sees a repeat within one statement', () => {
    const representations = [rep('A'), rep('B'), rep('A'), rep('C'), rep('B'), rep('A')];
    const groups = splitRepresentations(representations, 2);
    const partOf = (i: number) => groups.findIndex((g) => g.includes(i));
    assert.equal(partOf(0), partOf(2));
    assert.equal(partOf(0), partOf(5));
    assert.equal(partOf(1), partOf(4));
    assert.notEqual(partOf(0), partOf(1));
  });

  it('groups by the type and first key value, so representations of one subject fall together whatever they carry', () => {
    // The evaluation's representations carry the departments' flags beside the code (@requires).
    const flagged = (code: string, isDishonestDebtor: boolean) => ({ ...rep(code), isDishonestDebtor });
    const representations = [flagged('A', false), flagged('B', false), flagged('A', true), flagged('C', true)];
    const groups = splitRepresentations(representations, 2);
    const partOf = (i: number) => groups.findIndex((g) => g.includes(i));
    assert.equal(partOf(0), partOf(2));
    assert.notEqual(partOf(0), partOf(1));
    // Without a string or number field, the whole representation decides.
    const bare = [
      { __typename: 'Flag', on: true },
      { __typename: 'Flag', on: false },
      { __typename: 'Flag', on: true },
    ];
    const bareGroups = splitRepresentations(bare, 2);
    assert.deepEqual(bareGroups, [[0, 2], [1]]);
  });

  it('gives no empty part when there are fewer distinct representations than parts', () => {
    assert.deepEqual(splitRepresentations([rep('A'), rep('A')], 4), [[0, 1]]);
  });
});

describe('mergeEntityAnswers', () => {
  it("puts each part's entities back at their places and points its errors' paths there", () => {
    const merged = mergeEntityAnswers(4, [
      {
        indices: [0, 2],
        body: {
          data: { _entities: [{ code: 'A' }, null] },
          errors: [{ message: 'not found', path: ['_entities', 1, 'creditCheck'], extensions: { code: 'NOT_FOUND' } }],
        },
      },
      { indices: [1, 3], body: { data: { _entities: [{ code: 'B' }, { code: 'D' }] } } },
    ]);
    assert.deepEqual(merged.data, { _entities: [{ code: 'A' }, { code: 'B' }, null, { code: 'D' }] });
    assert.deepEqual(merged.errors?.[0]?.path, ['_entities', 2, 'creditCheck']);
    assert.equal(merged.errors?.length, 1);
  });

  it("leaves nulls, with the part's errors, where a part came back without entities", () => {
    const merged = mergeEntityAnswers(3, [
      { indices: [0, 2], body: { data: { _entities: [{ code: 'A' }, { code: 'C' }] } } },
      { indices: [1], body: { data: null, errors: [{ message: 'database unavailable' }] } },
    ]);
    assert.deepEqual(merged.data, { _entities: [{ code: 'A' }, null, { code: 'C' }] });
    assert.deepEqual(merged.errors, [{ message: 'database unavailable' }]);
  });

  it('answers no data at all when no part had any', () => {
    const merged = mergeEntityAnswers(2, [{ indices: [0, 1], body: { data: null, errors: [{ message: 'x' }] } }]);
    assert.equal(merged.data, null);
  });
});

describe('the peer route', () => {
  it("hands a part to this worker's subgraph with its identity header, and answers its status, body, cache-control and unwritten trail", async () => {
    const seen: InProcessRequest[] = [];
    const trail = {
      who: { actor: 'officer-1', role: 'OFFICER' as const, department: 'tax', purpose: null, client: '127.0.0.1' },
      meta: { requestId: 'r-1', subgraph: 'court' },
      events: [{ action: 'READ' as const, subjectCode: 'A', fields: ['CreditSubject.cases'] }],
      notifications: [{ channel: 'outbox', payload: 'court' }],
    };
    const peer = await servePeerFetches({
      court: {
        execute: async (request) => {
          seen.push(request);
          return {
            status: 200,
            body: { data: { _entities: [{ id: 1 }] } },
            cacheControl: 'max-age=5, private',
            ...(request.deferTrail ? { trail } : {}),
          };
        },
      },
    });
    try {
      const client = new SubgraphClient();
      const reply = await client.post(
        'court',
        `${peer.url}/peer/court`,
        { 'content-type': 'application/json', [IDENTITY_HEADER]: 'signed-header' },
        JSON.stringify({ query: '{ _entities }', variables: { representations: [rep('A')] }, requestId: 'r-1' }),
        2000,
      );
      assert.equal(reply.status, 200);
      assert.deepEqual(JSON.parse(reply.text), {
        status: 200,
        body: { data: { _entities: [{ id: 1 }] } },
        cacheControl: 'max-age=5, private',
        trail,
      });
      // The asking worker writes every part's trail together (ADR 0136): the peer never writes its own.
      assert.equal(seen[0]?.deferTrail, true);
      assert.equal(seen[0]?.identity, 'signed-header');
      assert.equal(seen[0]?.requestId, 'r-1');
      assert.deepEqual(seen[0]?.variables, { representations: [rep('A')] });

      const unknown = await client.post('x', `${peer.url}/peer/nothing`, {}, '{}', 2000);
      assert.equal(unknown.status, 404);
      const malformed = await client.post('court', `${peer.url}/peer/court`, {}, 'not json', 2000);
      assert.equal(malformed.status, 400);
    } finally {
      await peer.close();
    }
  });

  it('listens on the loopback interface only', async () => {
    const peer = await servePeerFetches({});
    try {
      assert.match(peer.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await peer.close();
    }
  });

  it('answers a part already running when it is closed, and refuses new ones', async () => {
    let release!: () => void;
    const running = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const arrived = new Promise<void>((resolve) => (started = resolve));
    const peer = await servePeerFetches({
      court: {
        execute: async () => {
          started();
          await running;
          return { status: 200, body: { data: { _entities: [{ id: 7 }] } }, cacheControl: null };
        },
      },
    });
    const client = new SubgraphClient();
    const part = client.post('court', `${peer.url}/peer/court`, {}, JSON.stringify({ query: '{ _entities }' }), 5000);
    await arrived;
    const closed = peer.close();
    await assert.rejects(
      client.post('court', `${peer.url}/peer/court`, {}, '{}', 2000),
      (error: { code?: string }) => error.code === 'ECONNREFUSED',
    );
    release();
    const reply = await part;
    assert.equal(reply.status, 200);
    assert.deepEqual(JSON.parse(reply.text).body, { data: { _entities: [{ id: 7 }] } });
    await closed;
  });

  it('is refused once closed, with the code the data source falls back on', async () => {
    const peer = await servePeerFetches({});
    await peer.close();
    await assert.rejects(
      new SubgraphClient().post('court', `${peer.url}/peer/court`, {}, '{}', 2000),
      (error: { code?: string }) => error.code === 'ECONNREFUSED',
    );
  });
});
