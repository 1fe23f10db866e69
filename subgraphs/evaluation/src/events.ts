/**
 * The events the evaluation consumes (docs/events.md): the 践诺 outcomes of subjects' credit commitments
 * (commitment.kept, commitment.broken, and a breach's publicity ended by 信用修复), kept in the evaluation's own
 * `commitment_fact` table so that scoring reads its own schema, never the commitment subgraph's. The consumer is listed in apps/hub/src/events.ts (HUB_CONSUMERS).
 */
import { chineseCalendar, z } from '@credit-hub/kit';
import type { WorkingCalendar } from '@credit-hub/kit/calendar';
import type { ConsumerDefinition, DeliveredEvent, TimeEventRule } from '@credit-hub/kit/events';

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
