import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningService } from '@credit-hub/kit';
import { callers, createTestDatabase, postAs, TEST_INTERNAL_SECRET, type TestDatabase } from '@credit-hub/kit/testing';
import { startRepairSubgraph } from '../src/index.ts';
import { repairSeed } from './seed.ts';

// The repair subgraph in process over real HTTP against a real Postgres clone; the file owns its data.
let tdb: TestDatabase;
let service: RunningService;
let seed: ReturnType<typeof repairSeed>;
let listed: string;
let clean: string;

before(async () => {
  tdb = await createTestDatabase();
  seed = repairSeed(tdb.db);
  listed = (await seed.subject()).code;
  clean = (await seed.subject()).code;
  await seed.record.many([
    { subjectCode: listed, title: '第一条记录', decided: '2026-03-01' },
    { subjectCode: listed, title: '第二条记录', decided: '2026-05-01' },
  ]);
  service = await startRepairSubgraph({ db: tdb.db, port: 0, internalSecret: TEST_INTERNAL_SECRET });
});

after(async () => {
  await service.close();
  await tdb.drop();
});

const ENTITIES = `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on CreditSubject { code repairRecords { title decidedOn } } }
}`;
const refs = (codes: string[]) => ({ r: codes.map((code) => ({ __typename: 'CreditSubject', code })) });

describe('CreditSubject.repairRecords', () => {
  it('gives each subject its records, newest decision first, and an empty list to a subject without any', async () => {
    const { body } = await postAs(service.url, callers.public, ENTITIES, refs([listed, clean]));
    assert.equal(body.errors, undefined);
    assert.deepEqual(body.data, {
      _entities: [
        {
          code: listed,
          repairRecords: [
            { title: '第二条记录', decidedOn: '2026-05-01' },
            { title: '第一条记录', decidedOn: '2026-03-01' },
          ],
        },
        { code: clean, repairRecords: [] },
      ],
    });
  });

  it('reads the records of many subjects in one statement', async () => {
    const codes = [listed, clean, ...Array.from({ length: 20 }, () => seed.uscc())];
    tdb.db.resetStatements();
    const { body } = await postAs(service.url, callers.public, ENTITIES, refs(codes));
    assert.equal(body.errors, undefined);
    assert.equal((body.data as { _entities: unknown[] })._entities.length, codes.length);
    assert.equal(tdb.db.statements(), 1);
  });
});
