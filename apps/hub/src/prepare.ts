import { loadDemoData } from '@credit-hub/datagen';
import { createDb, migrate } from '@credit-hub/kit/db';
import { ensureReferenceData } from '@credit-hub/kit/reference';
import { ensureEvaluationModels, ensureMeasureCatalogue } from '@credit-hub/subgraph-evaluation';
import { ensureAuthorities } from '@credit-hub/subgraph-disclosure/authorities';
import { loadDisclosureDemo } from '@credit-hub/subgraph-disclosure/demo';
import { ensurePublicityRules } from '@credit-hub/subgraph-disclosure/refresh';
import pg from 'pg';

/**
 * Brings a database to the current schema, refreshes reference data (regions, industries) and, when
 * it holds no subject yet, loads the deterministic demo data set. Safe to run on every start.
 */
export async function prepareDatabase(
  databaseUrl: string,
  options: { DEMO_SUBJECTS: number; DEMO_SEED: number; PERSON_KEY_SECRET: string },
  log: (line: string) => void,
): Promise<void> {
  const { applied } = await migrate(databaseUrl, log);
  log(applied.length ? `applied ${applied.length} migration(s)` : 'database schema is current');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let empty: boolean;
  try {
    await ensureReferenceData(client);
    const models = await ensureEvaluationModels(client);
    if (models.installed.length) log(`installed evaluation models: ${models.installed.join(', ')}`);
    if (models.drafts.length)
      log(`installed evaluation models as drafts (an administrator's model is active): ${models.drafts.join(', ')}`);
    const measures = await ensureMeasureCatalogue(client);
    if (measures.added) log(`installed ${measures.added} 联合奖惩 measure(s) of the starter catalogue`);
    if (measures.revised)
      log(`revised ${measures.revised} 联合奖惩 measure(s) of the starter catalogue (corrected citations)`);
    await ensureAuthorities(client);
    const publicity = await ensurePublicityRules(client);
    if (publicity.recomputed)
      log(
        `recomputed the publicity of ${publicity.recomputed} 双公示 penalty(ies) under the current rules` +
          (publicity.noted ? ` (${publicity.noted} kept within their tier's bounds, see publicityNote)` : ''),
      );
    const { rows } = await client.query<{ any: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM subject.credit_subject) AS any',
    );
    empty = !rows[0]?.any;
  } finally {
    await client.end();
  }
  if (empty && options.DEMO_SUBJECTS > 0) {
    log(`empty database: generating ${options.DEMO_SUBJECTS.toLocaleString('en')} demo subjects`);
    const loaded = await loadDemoData(databaseUrl, {
      subjects: options.DEMO_SUBJECTS,
      seed: options.DEMO_SEED,
      personKeySecret: options.PERSON_KEY_SECRET,
    });
    log(
      `demo data loaded in ${(loaded.ms / 1000).toFixed(1)} s: ${loaded.subjects} subjects, ` +
        `${loaded.ratings} tax ratings, ${loaded.violations} tax black-list entries, ` +
        `${loaded.registrations} registrations, ${loaded.abnormalEntries} 经营异常名录 entries, ` +
        `${loaded.courtCases} 失信被执行人 cases, ${loaded.restrictions} 限制消费令, ` +
        `${loaded.environmentalRatings} environmental ratings, ${loaded.arrears} government arrears`,
    );
    // 双公示 records go through the disclosure intake's own ingest (tiers, publicity, person keys derived there).
    const db = createDb(databaseUrl, { applicationName: 'prepare-disclosure', poolSize: 1 });
    try {
      const d = await loadDisclosureDemo(db, {
        subjects: options.DEMO_SUBJECTS,
        seed: options.DEMO_SEED,
        personKeySecret: options.PERSON_KEY_SECRET,
      });
      log(
        `双公示 demo data loaded in ${(d.ms / 1000).toFixed(1)} s: ${d.penalties} penalties, ${d.licences} licences, ` +
          `${d.declared} declared decisions (${d.late} reported late, ${d.unreported} never reported)`,
      );
    } finally {
      await db.close();
    }
  }
}
