/**
 * A dispatcher process for the crash test (events-crash.test.ts): the embedded backbone (relay + one consumer) on
 * the database given as argv[2], until it is killed. The consumer writes a receipt per event in its transaction and
 * takes a little time per event (pg_sleep), so that a SIGKILL lands in the middle of a batch.
 */
import pg from 'pg';
import { startEventBackbone } from '../../src/events/index.ts';

const pool = new pg.Pool({ connectionString: process.argv[2], max: 4 });
await startEventBackbone(pool, {
  pollMs: 50,
  consumers: [
    {
      name: 'test.crash-receipts',
      types: ['list.entry.removed'],
      batchSize: 50,
      async handle(event, sql) {
        await sql.rows('SELECT pg_sleep(0.002)');
        await sql.execute('INSERT INTO public.crash_receipts (event_id, subject, entry) VALUES ($1, $2, $3)', [
          event.id,
          event.subjectCode,
          (event.payload as { entryId: string }).entryId,
        ]);
      },
    },
  ],
});
process.stdout.write('ready\n');
