/**
 * Keeps the stored penalties' derived publicity columns (tier, sector, rule, publicity end, first repair day) in
 * step with the publicity rules. Ingest derives them with the rules of the day; when the rules change (a new
 * national rule, a province editing its table of authority classifications, or an upgrade of a database whose rows
 * were derived by an older version), every row derived with other rules is recomputed at the next start.
 *
 * A new submission with a 公示截止期 outside its tier's bounds is refused (validate.ts). A row stored before the
 * bounds existed cannot be refused any more: its publicity is kept within the bounds and the change is written in
 * `publicity_note`, next to the 公示截止期 the department reported (which is never altered).
 */
import type pg from 'pg';
import {
  deadlineBounds,
  decideTier,
  derivePublicity,
  PUBLICITY_RULES,
  rulesFingerprint,
  sectorOf,
  TIER_LABELS,
  type PenaltyTier,
  type PublicityConfig,
} from './publicity.ts';

interface StoredFacts {
  id: string;
  decidedOn: string;
  penaltyTypes: string[];
  reportedTier: PenaltyTier | null;
  department: string;
  authorityCode: string;
  violationType: string;
  legalBasis: string;
  deadline: string | null;
}

/** What one stored row becomes under the rules: the derived columns and, if the deadline had to be bounded, why. */
export function recomputeRow(row: StoredFacts, config: PublicityConfig = PUBLICITY_RULES) {
  let deadline = row.deadline;
  let note: string | null = null;
  if (deadline !== null && deadline > row.decidedOn) {
    const { tier } = decideTier(row, config);
    const b = deadlineBounds({ decidedOn: row.decidedOn, tier, sector: sectorOf(row.legalBasis, config) }, config);
    const rule = `《${b.regime.title}》（${b.regime.number}）`;
    if (deadline > b.latest) {
      note = `报送的公示截止期${deadline}超过${rule}规定的${TIER_LABELS[tier]}失信信息最长公示期，按最长公示期至${b.latest}公示`;
      deadline = b.latest;
    } else if (deadline < b.earliest) {
      note = `报送的公示截止期${deadline}早于${rule}规定的最短公示期，按最短公示期至${b.earliest}公示（提前终止公示须经信用修复）`;
      deadline = b.earliest;
    }
  } else if (deadline !== null) {
    note = `报送的公示截止期${deadline}不晚于处罚决定日期，按该分级的规定期限公示`;
    deadline = null;
  }
  return { ...derivePublicity({ ...row, deadline }, config), note };
}

/**
 * Recomputes every penalty derived with other rules than `config`, a batch at a time (one read and one update
 * statement per batch). Returns how many rows were recomputed and how many got a note.
 */
export async function ensurePublicityRules(
  client: pg.Client | pg.PoolClient,
  config: PublicityConfig = PUBLICITY_RULES,
  batch = 5000,
): Promise<{ recomputed: number; noted: number }> {
  const fingerprint = rulesFingerprint(config);
  let recomputed = 0;
  let noted = 0;
  for (;;) {
    const { rows } = await client.query<StoredFacts>(
      `SELECT id::text, decided_on::text AS "decidedOn", penalty_types::text[] AS "penaltyTypes",
         reported_tier::text AS "reportedTier", department, authority_code AS "authorityCode",
         violation_type AS "violationType", legal_basis AS "legalBasis", publicity_deadline::text AS deadline
       FROM disclosure.penalty WHERE publicity_rules IS DISTINCT FROM $1 ORDER BY id LIMIT $2`,
      [fingerprint, batch],
    );
    if (rows.length === 0) break;
    const out = rows.map((r) => recomputeRow(r, config));
    await client.query(
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
