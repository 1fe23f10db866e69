/**
 * One replica of the event dispatch for events-replicas.test.ts: relay and two consumers on the database given as
 * argv[2], until killed. Without argv[3] the embedded backbone (outboxes → events.event → consumers); with argv[3] a
 * NATS URL (argv[4] stream, argv[5] prefix) the JetStream relay and durable consumers. Each consumer writes a receipt
 * per event in its transaction, with this process's pid:
 *   - `test.replica-single` one event at a time (`handle`), a little slow (pg_sleep) so that a kill lands mid-batch;
 *   - `test.replica-batch` batched fan-out (`handleBatch`: the whole batch in one statement).
 */
import pg from 'pg';
import type { Sql } from '../../src/db/index.ts';
import { startEventBackbone, type ConsumerDefinition, type DeliveredEvent } from '../../src/events/index.ts';
import { connectNats, consumerLeadership, startNatsConsumer, startNatsRelay } from '../../src/events/nats.ts';

const [databaseUrl, natsUrl, stream, prefix] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 6 });

const receipt = async (consumer: string, events: readonly DeliveredEvent[], sql: Sql): Promise<void> => {
  await sql.execute(
    `INSERT INTO public.replica_receipts (consumer, event_id, subject, entry, pid)
     SELECT $1, e.id, e.subject, e.entry, $5 FROM unnest($2::uuid[], $3::text[], $4::text[]) AS e(id, subject, entry)`,
    [
      consumer,
      events.map((e) => e.id),
      events.map((e) => e.subjectCode),
      events.map((e) => (e.payload as { entryId: string }).entryId),
      process.pid,
    ],
  );
};

const consumers: ConsumerDefinition[] = [
  {
    name: 'test.replica-single',
    types: ['list.entry.removed'],
    batchSize: 40,
    async handle(event, sql) {
      await sql.rows('SELECT pg_sleep(0.002)');
      await receipt('test.replica-single', [event], sql);
    },
  },
  {
    name: 'test.replica-batch',
    types: ['list.entry.removed'],
    batchSize: 100,
    handle: (event, sql) => receipt('test.replica-batch', [event], sql),
    handleBatch: (events, sql) => receipt('test.replica-batch', events, sql),
  },
];

if (natsUrl) {
  const bus = await connectNats(natsUrl, { stream, prefix, timeoutMs: 1500 });
  await startNatsRelay(pool, bus, { pollMs: 50 });
  // One replica leads each consumer; a killed leader's batch is redelivered after ack_wait: short here, so the test
  // does not wait 30 s for it.
  const leadership = await consumerLeadership(pool);
  for (const def of consumers) startNatsConsumer(pool, bus, def, { ackWaitMs: 2000, leadership, pollMs: 200 });
} else {
  await startEventBackbone(pool, { pollMs: 50, consumers });
}
process.stdout.write('ready\n');
