/**
 * Keeps the stored penalties' derived publicity columns (tier, sector, rule, publicity end, first repair day) in
 * step with the publicity rules. Ingest derives them with the rules of the day; when the rules change (a new
 * national rule, a province editing its table of authority classifications, or an upgrade of a database whose rows
 * were derived by an older version), every row derived with other rules is recomputed at the next start
 * (`npm start` runs it; the rule for one row is `recomputeRow` in rules.ts).
 */
import { z } from '@credit-hub/kit';
import { pgSql, type PgQueryable } from '@credit-hub/kit/db';
import { PUBLICITY_RULES, recomputeRow, rulesFingerprint, type PublicityConfig } from './rules.ts';

const storedFacts = z.array(
  z.object({
    id: z.string(),
    decidedOn: z.string(),
    penaltyTypes: z.array(z.string()),
    reportedTier: z.enum(['MINOR', 'GENERAL', 'SEVERE']).nullable(),
    department: z.string(),
    authorityCode: z.string(),
    violationType: z.string(),
    legalBasis: z.string(),
    deadline: z.string().nullable(),
  }),
);

/**
 * Recomputes every penalty derived with other rules than `config`, a batch at a time (one read and one update
 * statement per batch), on a node-postgres client (the start-up runs before any service). Returns how many rows were
 * recomputed and how many got a note.
 */
export async function ensurePublicityRules(
  client: PgQueryable,
  config: PublicityConfig = PUBLICITY_RULES,
  batch = 5000,
): Promise<{ recomputed: number; noted: number }> {
  const sql = pgSql(client);
  const fingerprint = rulesFingerprint(config);
  let recomputed = 0;
  let noted = 0;
  for (;;) {
    const rows = storedFacts.parse(
      await sql.rows(
        `SELECT id::text, decided_on::text AS "decidedOn", penalty_types::text[] AS "penaltyTypes",
           reported_tier::text AS "reportedTier", department, authority_code AS "authorityCode",
           violation_type AS "violationType", legal_basis AS "legalBasis", publicity_deadline::text AS deadline
         FROM disclosure.penalty WHERE publicity_rules IS DISTINCT FROM $1 ORDER BY id LIMIT $2`,
        [fingerprint, batch],
      ),
    );
    if (rows.length === 0) break;
    const out = rows.map((r) => recomputeRow(r, config));
    await sql.execute(
      `UPDATE disclosure.penalty p SET tier = v.tier::disclosure."PenaltyTier",
         tier_source = v.source::disclosure."PenaltyTierSource", sector = v.sector, publicity_regime = v.regime,
         publicity_ends_on = v.ends, repairable_from = v.repairable, publicity_note = v.note, publicity_rules = $9
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[])
         AS v(id, tier, source, sector, regime, ends, repairable, note)
       WHERE p.id = v.id`,
      [
        rows.map((r) => r.id),
        out.map((o) => o.tier),
        out.map((o) => o.tierSource),
        out.map((o) => o.sector),
        out.map((o) => o.regime),
        out.map((o) => o.publicityEndsOn),
        out.map((o) => o.repairableFrom),
        out.map((o) => o.note),
        fingerprint,
      ],
    );
    recomputed += rows.length;
    noted += out.filter((o) => o.note !== null).length;
    if (rows.length < batch) break;
  }
  return { recomputed, noted };
}
