/**
 * The environment department's domain events (docs/events.md), recorded in the same transaction as the change into
 * environment.outbox: a rating whose grade changed (with the day it counts from and its last day, so that the repair
 * window knows a black-list entry), a 环境行政处罚 published — and the department's own 信用修复 act: its consumer of
 * `repair.approved` takes a red (or black) rating off the black list (docs/rules/repair.md).
 */
import { prismaSql, type Db } from '@credit-hub/kit/db';
import {
  auditRepairAct,
  recordEvent,
  type ConsumerDefinition,
  type DepartmentSnapshot,
  type NewEvent,
  type RepairApproved,
} from '@credit-hub/kit/events';
import { z } from 'zod';
import { ratingValidUntil, REPAIRED_GRADE } from './rules.ts';

type Tx = Db['prisma'];
const iso = (d: Date) => d.toISOString().slice(0, 10);

// The events of the department's writes, built apart from recording them so the state snapshot restates the same
// ones (docs/adr/0124-department-snapshots-and-exact-cut.md).
type Rating = { id: bigint; subjectCode: string; year: number; grade: string; evaluatedOn: Date };
export const ratingChanged = (tx: Tx, r: Rating, previousGrade: string | null, validUntil: Date) =>
  recordEvent(prismaSql(tx), ratingChangedEvent(r, previousGrade, validUntil));
export const ratingChangedEvent = (r: Rating, previousGrade: string | null, validUntil: Date): NewEvent => ({
  source: 'environment',
  type: 'rating.changed',
  department: 'environment',
  subject: r.subjectCode,
  payload: {
    scheme: 'ENVIRONMENTAL',
    year: r.year,
    level: r.grade,
    previousLevel: previousGrade,
    ratingId: String(r.id),
    evaluatedOn: iso(r.evaluatedOn),
    validUntil: iso(validUntil),
  },
});

type Penalty = { id: bigint; subjectCode: string; decidedOn: Date };
export const penaltyPublished = (tx: Tx, p: Penalty) => recordEvent(prismaSql(tx), penaltyPublishedEvent(p));
export const penaltyPublishedEvent = (p: Penalty): NewEvent => ({
  source: 'environment',
  type: 'record.published',
  department: 'environment',
  subject: p.subjectCode,
  payload: {
    record: 'ENVIRONMENTAL_PENALTY',
    recordId: String(p.id),
    publishedOn: iso(p.decidedOn),
    publicityEndsOn: null,
  },
});

/** The department's 信用修复 act on a rating (the repair consumer below): red or black repaired to REPAIRED_GRADE. */
export const ratingRepairedEvent = (r: {
  ratingId: string;
  subjectCode: string;
  year: number;
  before: string;
}): NewEvent => ({
  source: 'environment',
  type: 'rating.changed',
  department: 'environment',
  subject: r.subjectCode,
  payload: {
    scheme: 'ENVIRONMENTAL',
    year: r.year,
    level: REPAIRED_GRADE,
    previousLevel: r.before,
    ratingId: r.ratingId,
    cause: 'REPAIRED',
  },
});

/**
 * 信用修复 of an environmental black-list entry, decided by the environment department in the platform's window
 * ("谁认定、谁修复"): its system consumes `repair.approved` and performs its own act in its own schema — the red (or
 * black) rating is repaired to 环保警示 (yellow, REPAIRED_GRADE), off the black list and onto the 重点关注 list, as
 * 广州 repairs red-card ratings — and announces it with `rating.changed` (cause REPAIRED). A rating no longer red or
 * black is left as it is: nothing remains to repair.
 */
export const environmentRepairConsumer: ConsumerDefinition = {
  name: 'environment.repair',
  types: ['repair.approved'],
  async handle(event, sql) {
    const p = event.payload as RepairApproved;
    if (event.department !== 'environment' || p.recordKind !== 'ENVIRONMENTAL_BLACKLIST') return;
    if (!/^\d{1,18}$/.test(p.recordId)) return;
    const [row] = (await sql.rows(
      `UPDATE environment.credit_rating
          SET grade_before_repair = grade, grade = $2::environment."EnvironmentalGrade", repaired_on = $3::date,
              repair_basis = $4
        WHERE id = $1::bigint AND grade IN ('RED', 'BLACK') AND repaired_on IS NULL
        RETURNING subject_code, year, grade_before_repair::text AS before`,
      [p.recordId, REPAIRED_GRADE, p.approvedOn, `信用修复（查询码 ${p.queryCode}）：${p.basis}`],
    )) as { subject_code: string; year: number; before: string }[];
    if (!row) return;
    await recordEvent(
      sql,
      ratingRepairedEvent({ ratingId: p.recordId, subjectCode: row.subject_code, year: row.year, before: row.before }),
    );
    await auditRepairAct(
      sql,
      event,
      'environment',
      row.subject_code,
      'Mutation.publishEnvironmentalRating',
      `${row.year} ${row.before}→${REPAIRED_GRADE} 信用修复 rating ${p.recordId}`,
    );
  },
};

const date = (v: string) => new Date(`${v}T00:00:00Z`);
const ratingRow = z.object({
  id: z.string(),
  subject_code: z.string(),
  year: z.number(),
  grade: z.string(),
  evaluated_on: z.string(),
  repaired_on: z.string().nullable(),
  grade_before_repair: z.string().nullable(),
  updated_at: z.date(),
});
const penaltyRow = z.object({ id: z.string(), subject_code: z.string(), decided_on: z.string() });

/**
 * The environment department's state snapshot for a metrics backfill (ADR 0113, ADR 0124). Restates every rating as
 * its current grade (no previous grade) at the row's last change — a repaired rating as its grade before the repair
 * on its `evaluated_on`, then the repair act itself (REPAIRED, on `repaired_on`) — and every 环境行政处罚 as
 * published. Not kept, so not restated: the grades a rating had before a re-evaluation of the same year (its level
 * at a day before its last change), and the configured validity (the default `validUntil` is restated; no metric
 * reads it). Rows are never deleted by the department's writes.
 */
export const environmentSnapshot: DepartmentSnapshot = async (sql) => {
  const events: NewEvent[] = [];
  const ratings = await sql.rows(
    `SELECT id::text, subject_code, year::int AS year, grade::text, evaluated_on::text, repaired_on::text,
            grade_before_repair::text, updated_at
       FROM environment.credit_rating ORDER BY id`,
  );
  for (const raw of ratings) {
    const r = ratingRow.parse(raw);
    const rating = {
      id: BigInt(r.id),
      subjectCode: r.subject_code,
      year: r.year,
      grade: r.grade_before_repair ?? r.grade,
      evaluatedOn: date(r.evaluated_on),
    };
    const validUntil = ratingValidUntil(r.year);
    if (r.repaired_on && r.grade_before_repair) {
      // The grade before the repair is restated on the day it counts from; the repair act on its approval day.
      events.push({ ...ratingChangedEvent(rating, null, validUntil), occurredAt: rating.evaluatedOn });
      events.push({
        ...ratingRepairedEvent({
          ratingId: r.id,
          subjectCode: r.subject_code,
          year: r.year,
          before: r.grade_before_repair,
        }),
        occurredAt: date(r.repaired_on),
      });
    } else events.push({ ...ratingChangedEvent(rating, null, validUntil), occurredAt: r.updated_at });
  }
  const penalties = await sql.rows(
    `SELECT id::text, subject_code, decided_on::text FROM environment.penalty ORDER BY id`,
  );
  for (const raw of penalties) {
    const p = penaltyRow.parse(raw);
    events.push(
      penaltyPublishedEvent({ id: BigInt(p.id), subjectCode: p.subject_code, decidedOn: date(p.decided_on) }),
    );
  }
  return events;
};
