/**
 * The environment department's domain events (docs/events.md), recorded in the same transaction as the change into
 * environment.outbox: a rating whose grade changed (with the day it counts from and its last day, so that the repair
 * window knows a black-list entry), a 环境行政处罚 published — and the department's own 信用修复 act: its consumer of
 * `repair.approved` takes a red (or black) rating off the black list (docs/rules/repair.md).
 */
import { prismaSql, type Db } from '@credit-hub/kit/db';
import { auditRepairAct, recordEvent, type ConsumerDefinition, type RepairApproved } from '@credit-hub/kit/events';
import { REPAIRED_GRADE } from './rules.ts';

type Tx = Db['prisma'];
const iso = (d: Date) => d.toISOString().slice(0, 10);

export const ratingChanged = (
  tx: Tx,
  r: { id: bigint; subjectCode: string; year: number; grade: string; evaluatedOn: Date },
  previousGrade: string | null,
  validUntil: Date,
) =>
  recordEvent(prismaSql(tx), {
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

export const penaltyPublished = (tx: Tx, p: { id: bigint; subjectCode: string; decidedOn: Date }) =>
  recordEvent(prismaSql(tx), {
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
    await recordEvent(sql, {
      source: 'environment',
      type: 'rating.changed',
      department: 'environment',
      subject: row.subject_code,
      payload: {
        scheme: 'ENVIRONMENTAL',
        year: row.year,
        level: REPAIRED_GRADE,
        previousLevel: row.before,
        ratingId: p.recordId,
        cause: 'REPAIRED',
      },
    });
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
