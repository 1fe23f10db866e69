import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApolloServer } from '@apollo/server';
import { badInput } from './errors.ts';
import { captureLogs } from './observability/log.ts';
import { internalErrorLog } from './server.ts';

const typeDefs = `type Query { broken: String  refused: String }`;
const resolvers = {
  Query: {
    broken: () => {
      throw new Error('index out of range in the rule table');
    },
    refused: () => {
      throw badInput('code', 'CHECKSUM', 'code: the check character does not match');
    },
  },
};

async function logsOf(production: boolean, query: string): Promise<Record<string, unknown>[]> {
  const server = new ApolloServer<{ requestId: string }>({
    typeDefs,
    resolvers,
    plugins: [internalErrorLog('tax', production)],
  });
  await server.start();
  const capture = captureLogs();
  try {
    await server.executeOperation({ query }, { contextValue: { requestId: 'req-7' } });
  } finally {
    capture.stop();
    await server.stop();
  }
  return capture.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('internalErrorLog', () => {
  it("logs an internal error's cause in production with the request's id and service", async () => {
    const lines = await logsOf(true, '{ broken }');
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.msg, 'internal error');
    assert.equal(lines[0]!.requestId, 'req-7');
    assert.equal(lines[0]!.service, 'tax');
    assert.equal((lines[0]!.err as { message: string }).message, 'index out of range in the rule table');
  });

  it('logs no refusal of ours, and nothing outside production (the answer carries the error there)', async () => {
    assert.deepEqual(await logsOf(true, '{ refused }'), []);
    assert.deepEqual(await logsOf(false, '{ broken }'), []);
  });
});
