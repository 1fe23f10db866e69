import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTracing, type Tracing } from '@credit-hub/kit';
import { createTestDatabase, makeUscc, postGraphQL, type TestDatabase } from '@credit-hub/kit/testing';
import type { Hub } from '@credit-hub/hub';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTestHub } from './support/hub.ts';

// One request, one trace: the gateway's span, its fetch to each subgraph, the subgraph's span continuing it from the
// traceparent header, and the SQL statements under it (docs/operations.md, "Traces"). The exporter is in memory: the
// test makes no connection beyond loopback (the outbound-traffic guard would fail it).
let tdb: TestDatabase;
let hub: Hub;
let tracing: Tracing;
const exporter = new InMemorySpanExporter();
const company = makeUscc('91', '330106', 'MA2K0201');

before(async () => {
  tracing = (await startTracing({ serviceName: 'credit-hub-test', exporter }))!;
  tdb = await createTestDatabase();
  await tdb.db.prisma.creditSubject.create({
    data: { code: company, name: '杭州追踪科技有限公司', kind: 'ENTERPRISE', regionCode: '330106' },
  });
  hub = await startTestHub(tdb.url, tdb.db);
});

after(async () => {
  await hub.close();
  await tdb.drop();
  await tracing.shutdown();
});

const serviceOf = (span: ReadableSpan) => span.attributes['credit_hub.service'];
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('traces', () => {
  it('link the gateway, every subgraph fetch and the SQL under it in one trace', async () => {
    exporter.reset();
    const requestId = `trace-${Date.now()}`;
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `query Traced($code: ID!) { subject(code: $code) { name isALevelTaxpayer } }`,
      { code: company },
      { 'x-request-id': requestId },
    );
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    // Server spans end when the answer has left, just after the client has read it.
    const gatewaySpan = () =>
      exporter
        .getFinishedSpans()
        .find((s) => serviceOf(s) === 'gateway' && s.attributes['credit_hub.request_id'] === requestId);
    for (let i = 0; i < 100 && !gatewaySpan(); i += 1) await new Promise((r) => setTimeout(r, 20));
    const root = gatewaySpan();
    assert.ok(root, 'the gateway server span');
    assert.equal(parentOf(root), undefined, 'the gateway span starts the trace');
    const trace = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === root.spanContext().traceId);
    const byId = new Map(trace.map((s) => [s.spanContext().spanId, s]));
    const ancestors = (span: ReadableSpan) => {
      const chain: ReadableSpan[] = [];
      for (let p = parentOf(span); p && byId.has(p); p = parentOf(byId.get(p)!)) chain.push(byId.get(p)!);
      return chain;
    };

    // @apollo/gateway's fetch spans, one per subgraph the plan calls, under the gateway's span.
    const fetches = trace.filter((s) => s.name === 'gateway.fetch');
    assert.deepEqual(fetches.map((s) => s.attributes.service).sort(), ['subject', 'tax']);
    for (const fetch of fetches) assert.ok(ancestors(fetch).includes(root));

    // Each subgraph's server span continues its fetch span: the parent came over HTTP in traceparent.
    for (const name of ['subject', 'tax']) {
      const server = trace.find((s) => serviceOf(s) === name && s.name === 'POST /graphql');
      assert.ok(server, `the ${name} subgraph's span is in the gateway's trace`);
      const fetch = byId.get(parentOf(server)!);
      assert.equal(fetch?.name, 'gateway.fetch');
      assert.equal(fetch?.attributes.service, name);
      // The statements it ran are its children (identity check and audit aside, at least the entity read).
      const statements = trace.filter((s) => s.name === 'pg.query' && ancestors(s).includes(server));
      assert.ok(statements.length >= 1, `SQL spans under the ${name} subgraph`);
      for (const statement of statements) {
        assert.equal(statement.attributes['db.system.name'], 'postgresql');
        assert.match(String(statement.attributes['db.query.text']), /\S/);
        // The statement's text only: never its parameter values.
        assert.ok(!JSON.stringify(statement.attributes).includes(company));
      }
    }
  });
});
