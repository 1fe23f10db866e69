/**
 * The events the evaluation consumes (docs/events.md): the 践诺 outcomes of subjects' credit commitments
 * (commitment.kept, commitment.broken, and a breach's publicity ended by 信用修复), kept in the evaluation's own
 * `commitment_fact` table so that scoring reads its own schema, never the commitment subgraph's. The consumer is listed in apps/hub/src/events.ts (HUB_CONSUMERS).
 */
import { chineseCalendar, z } from '@credit-hub/kit';
import type { WorkingCalendar } from '@credit-hub/kit/calendar';
import {
  endingsUpTo,
  type ConsumerDefinition,
  type DeliveredEvent,
  type DepartmentSnapshot,
  type NewEvent,
  type TimeEventRule,
} from '@credit-hub/kit/events';
import { CREDIT_LISTS, type CreditList } from './catalogue/rules.ts';

interface CheckedPayload {
  commitmentId: string;
  kind: string;
  matter: string;
  checkingDepartment: string;
  checkedOn: string;
  publicityEndsOn?: string | null;
}

/**
 * Upserts one fact per commitment: a commitment is checked once, so a repeat of the same outcome (a replay) changes
 * nothing, and the later event wins if the commitment subgraph ever corrects one.
 */
export const commitmentFactsConsumer: ConsumerDefinition = {
  name: 'evaluation.commitments',
  types: ['commitment.kept', 'commitment.broken', 'record.publication.ended'],
  async handle(event: DeliveredEvent, sql) {
    if (event.type === 'record.publication.ended') {
      // A breach repaired (信用修复) is published no longer: its last day of publicity is the day before the repair,
      // so the evaluation, which counts a breach while published, stops counting it (docs/rules/repair.md).
      const ended = event.payload as { record: string; recordId: string; endedOn: string; cause: string };
      if (ended.record !== 'COMMITMENT_BREACH' || ended.cause !== 'REPAIRED') return;
      await sql.execute(
        `UPDATE evaluation.commitment_fact SET publicity_ends_on = $2::date - 1, event_id = $3::uuid
          WHERE commitment_id = $1::uuid AND outcome = 'BROKEN'
            AND (publicity_ends_on IS NULL OR publicity_ends_on >= $2::date)`,
        [ended.recordId, ended.endedOn, event.id],
      );
      return;
    }
    const p = event.payload as CheckedPayload;
    const subject = event.subjectCode ?? event.personKey;
    await sql.execute(
      `INSERT INTO evaluation.commitment_fact (commitment_id, subject_code, outcome, kind, matter, checking_department,
                                               checked_on, publicity_ends_on, event_id)
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7::date, $8::date, $9::uuid)
       ON CONFLICT (commitment_id) DO UPDATE SET outcome = EXCLUDED.outcome, checked_on = EXCLUDED.checked_on,
         publicity_ends_on = EXCLUDED.publicity_ends_on, event_id = EXCLUDED.event_id`,
      [
        p.commitmentId,
        subject,
        event.type === 'commitment.kept' ? 'KEPT' : 'BROKEN',
        p.kind,
        p.matter,
        p.checkingDepartment,
        p.checkedOn,
        p.publicityEndsOn ?? null,
        event.id,
      ],
    );
  },
};

export const EVALUATION_CONSUMERS: readonly ConsumerDefinition[] = [commitmentFactsConsumer];

// ---------------------------------------------------------------------------------------------------------------
// 应惩未惩 as a time-made event (docs/credit-checks.md, "Supervision"; docs/metrics.md)

/** The working days a checking department has to answer a punitive measure (`unpunishedMeasures`' default). */
export const FEEDBACK_WORKING_DAYS = 5;
/** How far back a check may lie and still turn overdue within the look-back (5 working days span ≤ 20 calendar days). */
const CANDIDATE_DAYS = 40;
const DAY_MS = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

const overdueCandidates = z.array(
  z.object({
    checkId: z.string(),
    department: z.string().nullable(),
    subjectCode: z.string(),
    matter: z.string(),
    checkedOn: z.string(),
    measureCode: z.string(),
    measureKind: z.string(),
  }),
);

/**
 * The day a punitive measure without feedback becomes overdue: the first working day after its deadline (the check's
 * China date plus FEEDBACK_WORKING_DAYS working days) — the day `unpunishedMeasures` starts listing it. Null when
 * the calendar does not hold the year (never guessed).
 */
export function overdueDay(checkedOn: string, calendar: WorkingCalendar = chineseCalendar) {
  try {
    const deadline = calendar.addWorkingDays(new Date(`${checkedOn}T00:00:00Z`), FEEDBACK_WORKING_DAYS);
    return { deadline: iso(deadline), overdueOn: iso(calendar.addWorkingDays(deadline, 1)) };
  } catch {
    return null;
  }
}

/**
 * `credit.measure.overdue`: each intercepting, restricting or reminding measure of a check (incentives and withheld
 * ones excluded) that has no feedback when the scheduler runs on or after its overdue day, once (unique key per check
 * and measure). Feedback given after the day does not undo the event: the measure was overdue.
 */
export const measureOverdue: TimeEventRule = {
  name: 'evaluation.measure.overdue',
  source: 'evaluation',
  type: 'credit.measure.overdue',
  async due(sql, { since, today }) {
    const from = iso(new Date(since.getTime() - CANDIDATE_DAYS * DAY_MS));
    const rows = overdueCandidates.parse(
      await sql.rows(
        `SELECT c.id::text AS "checkId", c.caller_department AS department, c.subject_code AS "subjectCode",
                c.matter::text AS matter, to_char((c.checked_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS "checkedOn",
                m.value->>'code' AS "measureCode", m.value->>'kind' AS "measureKind"
           FROM evaluation.credit_check c
          CROSS JOIN LATERAL jsonb_array_elements(c.measures) AS m(value)
          WHERE c.checked_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')
            AND c.checked_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
            AND c.caller_department IS NOT NULL
            AND m.value->>'kind' IN ('INTERCEPT', 'RESTRICT', 'REMIND') AND NOT coalesce((m.value->>'withheld')::boolean, false)
            AND NOT EXISTS (SELECT 1 FROM evaluation.check_feedback f
                             WHERE f.check_id = c.id AND f.measure_code = m.value->>'code')`,
        [from, iso(today)],
      ),
    );
    const window = { after: iso(since), upTo: iso(today) };
    return rows.flatMap((r) => {
      const day = overdueDay(r.checkedOn);
      if (!day || day.overdueOn <= window.after || day.overdueOn > window.upTo) return [];
      return [
        {
          type: 'credit.measure.overdue' as const,
          department: r.department!,
          subject: r.subjectCode,
          endingKey: `${r.checkId}:${r.measureCode}`,
          payload: {
            checkId: r.checkId,
            checkingDepartment: r.department!,
            matter: r.matter,
            measureCode: r.measureCode,
            measureKind: r.measureKind,
            checkedOn: r.checkedOn,
            deadline: day.deadline,
            overdueOn: day.overdueOn,
          },
        },
      ];
    });
  },
};

export const evaluationTimeRules: readonly TimeEventRule[] = [measureOverdue];

// ---------------------------------------------------------------------------------------------------------------
// The events of the evaluation's writes, built apart from recording them so the metrics snapshot restates the same
// ones (docs/adr/0131-evaluation-and-repair-snapshots.md).

/** The window of 应查未查 the metrics count by (docs/credit-checks.md: `uncheckedDecisions`' default `days`). */
export const UNCHECKED_WINDOW_DAYS = 30;

/** A recorded credit check, as `credit.check.recorded` announces it (checks/writes.ts `recordChecks`). */
export const checkRecordedEvent = (c: {
  id: string;
  department: string | null;
  subjectCode: string;
  matter: string;
  action: string;
  lists: readonly CreditList[];
  checkedAt: Date;
}): NewEvent => ({
  source: 'evaluation',
  type: 'credit.check.recorded',
  department: c.department ?? 'platform',
  subject: c.subjectCode,
  occurredAt: c.checkedAt,
  payload: {
    checkId: c.id,
    checkingDepartment: c.department ?? 'platform',
    matter: c.matter,
    action: c.action,
    lists: [...c.lists],
  },
});

/** A business decision at its first report (应查未查), with whether a check lay in the window before it. */
export const decisionReportedEvent = (d: {
  id: string;
  department: string;
  subjectCode: string;
  matter: string;
  reference: string;
  decidedOn: string;
  checked: boolean;
}): NewEvent => ({
  source: 'evaluation',
  type: 'business.decision.reported',
  department: d.department,
  subject: d.subjectCode,
  uniqueKey: `business.decision.reported:${d.id}`,
  payload: {
    decisionId: d.id,
    matter: d.matter,
    reference: d.reference,
    decidedOn: d.decidedOn,
    checked: d.checked,
    windowDays: UNCHECKED_WINDOW_DAYS,
  },
});

/** A 双随机 draw, at its time, with its strata's populations and drawn counts (sampling/writes.ts). */
export const sampleDrawnEvent = (d: {
  id: string;
  department: string;
  regionCode: string;
  industryCode: string | null;
  matter: string;
  strata: readonly { level: string; population: number; drawn: number }[];
  drawnAt: Date;
}): NewEvent => ({
  source: 'evaluation',
  type: 'inspection.sample.drawn',
  department: d.department,
  occurredAt: d.drawnAt,
  payload: {
    sampleId: d.id,
    regionCode: d.regionCode,
    industryCode: d.industryCode,
    matter: d.matter,
    levels: d.strata.map((s) => ({ level: s.level, population: s.population, drawn: s.drawn })),
  },
});

const checkRow = z.object({
  id: z.string(),
  department: z.string().nullable(),
  subject_code: z.string(),
  matter: z.string(),
  action: z.string(),
  lists: z.array(z.object({ list: z.enum(CREDIT_LISTS) })),
  checked_at: z.date(),
});
const decisionRow = z.object({
  id: z.string(),
  department: z.string(),
  subject_code: z.string(),
  matter: z.string(),
  reference: z.string(),
  decided_on: z.string(),
  checked: z.boolean(),
});
const drawRow = z.object({
  id: z.string(),
  department: z.string().nullable(),
  region_code: z.string(),
  industry_code: z.string().nullable(),
  matter: z.string(),
  strata: z.array(z.object({ level: z.string(), population: z.number(), drawn: z.number() })),
  drawn_at: z.date(),
});

/**
 * The evaluation's state snapshot for a metrics backfill (ADR 0113, ADR 0124, ADR 0131). Restates:
 * - every credit check (rows are never deleted) as recorded, at its time — exact;
 * - every business decision reported (应查未查) at its decision date, `checked` judged again by the write's rule
 *   (a check of the department, subject and matter within the window before the decision). Not exact when the
 *   decision was reported again with another date (the upsert keeps the latest; the event had the first) or when
 *   a check within the window was recorded after the first report;
 * - every overdue measure (应惩未惩) with the overdue rule's own code over every day up to `today`. A measure whose
 *   feedback came after its overdue day is not restated (the rule sees the feedback);
 * - every 双随机 draw at its time, with the department migration 0076 keeps (`platform` for a draw whose event was
 *   gone when the column was backfilled).
 * - every stored evaluation's current grade as `evaluation.grade.changed` with no previous grade, at the time it was
 *   stored — the grade distribution at the end of the store is exact; the grades a subject had before its last
 *   evaluation are not kept, so the distribution at an earlier day may differ from the live history.
 */
/**
 * A stored evaluation's grade restated for a snapshot: the payload the scoring write builds in SQL
 * (scoring/writes.ts, `evaluation.grade.changed`) for a first grade.
 */
export const gradeSetEvent = (e: {
  subjectCode: string;
  modelCode: string;
  modelVersion: number;
  grade: string;
  score: number | null;
  evaluatedAt: Date;
}): NewEvent => ({
  source: 'evaluation',
  type: 'evaluation.grade.changed',
  department: 'platform',
  subject: e.subjectCode,
  occurredAt: e.evaluatedAt,
  payload: {
    modelCode: e.modelCode,
    modelVersion: e.modelVersion,
    grade: e.grade,
    previousGrade: null,
    score: e.score,
  },
});

const gradeRow = z.object({
  subject_code: z.string(),
  model_code: z.string(),
  model_version: z.number(),
  grade: z.string(),
  score: z.coerce.number().nullable(),
  evaluated_at: z.date(),
});

export const evaluationSnapshot: DepartmentSnapshot = async (sql, { today }) => {
  const events: NewEvent[] = [];
  const grades = await sql.rows(
    `SELECT subject_code, model_code, model_version, grade, score, evaluated_at
       FROM evaluation.subject_evaluation ORDER BY evaluated_at, subject_code`,
  );
  for (const raw of grades) {
    const g = gradeRow.parse(raw);
    events.push(
      gradeSetEvent({
        subjectCode: g.subject_code,
        modelCode: g.model_code,
        modelVersion: g.model_version,
        grade: g.grade,
        score: g.score,
        evaluatedAt: g.evaluated_at,
      }),
    );
  }
  const checks = await sql.rows(
    `SELECT id::text, caller_department AS department, subject_code, matter::text AS matter, action::text AS action,
            lists, checked_at
       FROM evaluation.credit_check ORDER BY checked_at, id`,
  );
  for (const raw of checks) {
    const c = checkRow.parse(raw);
    events.push(
      checkRecordedEvent({
        id: c.id,
        department: c.department,
        subjectCode: c.subject_code,
        matter: c.matter,
        action: c.action,
        lists: c.lists.map((l) => l.list),
        checkedAt: c.checked_at,
      }),
    );
  }
  const decisions = await sql.rows(
    `SELECT d.id::text, d.department, d.subject_code, d.matter::text AS matter, d.reference,
            to_char(d.decided_on, 'YYYY-MM-DD') AS decided_on,
            EXISTS (SELECT 1 FROM evaluation.credit_check c
                     WHERE c.caller_department = d.department AND c.subject_code = d.subject_code
                       AND c.matter = d.matter
                       AND (c.checked_at AT TIME ZONE 'Asia/Shanghai')::date
                           BETWEEN d.decided_on - $1::int AND d.decided_on) AS checked
       FROM evaluation.business_decision d ORDER BY d.id`,
    [UNCHECKED_WINDOW_DAYS],
  );
  for (const raw of decisions) {
    const d = decisionRow.parse(raw);
    events.push(
      decisionReportedEvent({
        id: d.id,
        department: d.department,
        subjectCode: d.subject_code,
        matter: d.matter,
        reference: d.reference,
        decidedOn: d.decided_on,
        checked: d.checked,
      }),
    );
  }
  events.push(...(await endingsUpTo(measureOverdue, sql, today)));
  const draws = await sql.rows(
    `SELECT id::text, department, region_code, industry_code, matter, strata, drawn_at
       FROM evaluation.inspection_draw ORDER BY id`,
  );
  for (const raw of draws) {
    const d = drawRow.parse(raw);
    events.push(
      sampleDrawnEvent({
        id: d.id,
        department: d.department ?? 'platform',
        regionCode: d.region_code,
        industryCode: d.industry_code,
        matter: d.matter,
        strata: d.strata,
        drawnAt: d.drawn_at,
      }),
    );
  }
  return events;
};
