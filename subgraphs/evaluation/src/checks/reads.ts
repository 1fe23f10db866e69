import { badInput, chineseCalendar, isUuid, toIsoDate, z } from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import type { QueryUncheckedDecisionsArgs, QueryUnpunishedMeasuresArgs } from '../__generated__/types.ts';
import { BUSINESS_MATTERS, CREDIT_LISTS, MEASURE_KINDS, type BusinessMatter } from '../catalogue/rules.ts';
import type { CheckRow, FeedbackRow, StatisticsRow, UncheckedRow, UnpunishedRow } from './mappers.ts';
import { unpunished, type MeasureSnapshot } from './rules.ts';

type Client = Db['prisma'];

const matter = z.enum(BUSINESS_MATTERS);
const action = z.enum([...MEASURE_KINDS, 'CLEAR']);

/** credit_check.measures as stored: the applied measures, then the withheld incentives, flagged. */
export const storedMeasure = z.object({
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  kind: z.enum(MEASURE_KINDS),
  content: z.string(),
  basisTitle: z.string(),
  basisNumber: z.string().nullable(),
  basisArticle: z.string().nullable(),
  // Absent in checks recorded before verification statuses were kept.
  basisVerification: z.enum(['VERIFIED', 'TO_VERIFY']).optional(),
  basisSources: z.array(z.string()).optional(),
  basisNote: z.string().nullable().optional(),
  triggeredBy: z.array(z.enum(CREDIT_LISTS)),
  withheld: z.boolean(),
});
export type StoredMeasure = z.infer<typeof storedMeasure>;

const storedCheck = z.object({
  id: z.string(),
  subjectCode: z.string(),
  matter,
  reference: z.string().nullable(),
  lists: z.array(z.object({ list: z.enum(CREDIT_LISTS), type: z.string(), department: z.string() })),
  measures: z.array(storedMeasure),
  action,
  department: z.string().nullable(),
  checkedAt: z.date(),
});

const withoutFlag = ({ withheld: _w, ...m }: StoredMeasure): MeasureSnapshot => m;

const fromStored = (s: z.infer<typeof storedCheck>): CheckRow => ({
  id: s.id,
  subjectCode: s.subjectCode,
  matter: s.matter,
  reference: s.reference,
  lists: s.lists.map((l) => l.list),
  measures: s.measures.filter((m) => !m.withheld).map(withoutFlag),
  withheldIncentives: s.measures.filter((m) => m.withheld).map(withoutFlag),
  action: s.action,
  department: s.department,
  checkedAt: s.checkedAt,
  fresh: false,
});

/** A check id as given by a client: a UUID, else BAD_USER_INPUT naming the field. */
export function checkId(raw: string, field: string): string {
  const id = raw.trim().toLowerCase();
  if (!isUuid(id))
    throw badInput(field, 'FORMAT', `\`${field}\` must be a check id (UUID), got ${JSON.stringify(raw)}`);
  return id;
}

/** Recorded checks by id, in one statement (those not found are left out). */
export async function loadChecks(client: Client, ids: readonly string[]): Promise<CheckRow[]> {
  const rows = await client.$queryRaw<unknown[]>`
    SELECT id::text, subject_code AS "subjectCode", matter, reference, lists, measures, action,
           caller_department AS department, checked_at AS "checkedAt"
    FROM evaluation.credit_check WHERE id = ANY(${ids}::uuid[])`;
  return z.array(storedCheck).parse(rows).map(fromStored);
}

/** One recorded check, or null. */
export async function loadCheck(client: Client, id: string): Promise<CheckRow | null> {
  return (await loadChecks(client, [id]))[0] ?? null;
}

/** Feedback sorted as the check lists its measures (most severe first). */
export function inMeasureOrder(check: Pick<CheckRow, 'measures'>, rows: FeedbackRow[]): FeedbackRow[] {
  const order = check.measures.map((m) => m.code);
  return [...rows].sort((a, b) => order.indexOf(a.measureCode) - order.indexOf(b.measureCode));
}

const feedbackRows = z.array(
  z.object({
    checkId: z.string(),
    measureCode: z.string(),
    measureVersion: z.number().int(),
    applied: z.boolean(),
    reason: z.string().nullable(),
    reportedBy: z.string(),
    reportedAt: z.date(),
  }),
);

/** The current feedback (the newest answer per measure) of a set of checks: one statement. */
export async function currentFeedback(client: Client, ids: readonly string[]): Promise<FeedbackRow[]> {
  return feedbackRows.parse(
    await client.$queryRaw<unknown[]>`
      SELECT DISTINCT ON (check_id, measure_code) check_id::text AS "checkId", measure_code AS "measureCode",
             measure_version AS "measureVersion", applied, reason, reported_by AS "reportedBy",
             reported_at AS "reportedAt"
      FROM evaluation.check_feedback WHERE check_id = ANY(${ids}::uuid[])
      ORDER BY check_id, measure_code, id DESC`,
  );
}

/** A period of supervision reports: `from`..`to` in China, inclusive, at most 366 days. */
export function reportPeriod(from: Date, to: Date): void {
  if (to.getTime() < from.getTime()) throw badInput('to', 'RANGE', '`to` must not be before `from`');
  if ((to.getTime() - from.getTime()) / 86_400_000 > 366)
    throw badInput('to', 'RANGE', 'a report covers at most 366 days from `from`');
}

// Check days are Chinese calendar days: a check at 07:00 in Beijing is 23:00 UTC the day before.
const chinaDate = Prisma.sql`(checked_at AT TIME ZONE 'Asia/Shanghai')::date`;

export interface Filters {
  from: Date;
  to: Date;
  department?: string | null;
  matter?: BusinessMatter | null;
}

const checkFilters = (f: Filters, alias = Prisma.empty) => Prisma.sql`
  ${alias}checked_at >= (${toIsoDate(f.from)}::date::timestamp AT TIME ZONE 'Asia/Shanghai')
  AND ${alias}checked_at < ((${toIsoDate(f.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
  AND (${f.department ?? null}::text IS NULL OR ${alias}caller_department = ${f.department ?? null})
  AND (${f.matter ?? null}::text IS NULL OR ${alias}matter = ${f.matter ?? null})`;

const statisticsRows = z.array(
  z.object({
    periodStart: z.date(),
    department: z.string().nullable(),
    matter,
    checks: z.number().int(),
    subjectsOnLists: z.number().int(),
    interceptions: z.number().int(),
    restrictions: z.number().int(),
    reminders: z.number().int(),
    incentives: z.number().int(),
    clear: z.number().int(),
  }),
);

/** creditCheckStatistics: one grouped statement. */
export async function checkStatistics(
  client: Client,
  f: Filters & { groupBy: 'DAY' | 'MONTH' },
): Promise<StatisticsRow[]> {
  reportPeriod(f.from, f.to);
  const unit = f.groupBy === 'DAY' ? 'day' : 'month';
  const rows = await client.$queryRaw<unknown[]>`
    SELECT date_trunc(${unit}, ${chinaDate})::date AS "periodStart", caller_department AS department, matter,
           count(*)::int AS checks,
           count(DISTINCT subject_code) FILTER (WHERE jsonb_array_length(lists) > 0)::int AS "subjectsOnLists",
           count(*) FILTER (WHERE action = 'INTERCEPT')::int AS interceptions,
           count(*) FILTER (WHERE action = 'RESTRICT')::int AS restrictions,
           count(*) FILTER (WHERE action = 'REMIND')::int AS reminders,
           count(*) FILTER (WHERE action = 'INCENTIVE')::int AS incentives,
           count(*) FILTER (WHERE action = 'CLEAR')::int AS clear
    FROM evaluation.credit_check
    WHERE ${checkFilters(f)}
    GROUP BY 1, 2, 3
    ORDER BY 1, 2 NULLS FIRST, 3`;
  return statisticsRows.parse(rows).map((r) => ({ ...r, unit: f.groupBy }));
}

/** A punitive measure of a check with its current feedback: what 应惩未惩 judges (checks/rules.ts `unpunished`). */
const unpunishedCandidates = z.array(
  z.object({
    checkId: z.string(),
    department: z.string().nullable(),
    subjectCode: z.string(),
    matter,
    reference: z.string().nullable(),
    checkedAt: z.date(),
    checkedOn: z.date(),
    measure: storedMeasure,
    applied: z.boolean().nullable(),
    reason: z.string().nullable(),
  }),
);

/**
 * 应惩未惩 candidates: the punitive measures of the period's checks whose current feedback is missing or "not
 * applied" without a reason (one statement); the working-day deadline rule is `unpunished` in checks/rules.ts.
 */
async function unpunishedCandidatesOf(client: Client, f: Filters) {
  return unpunishedCandidates.parse(
    await client.$queryRaw<unknown[]>`
    SELECT c.id::text AS "checkId", c.caller_department AS department, c.subject_code AS "subjectCode", c.matter,
           c.reference, c.checked_at AS "checkedAt", (c.checked_at AT TIME ZONE 'Asia/Shanghai')::date AS "checkedOn",
           m.value AS measure, f.applied, f.reason
    FROM evaluation.credit_check c
    CROSS JOIN LATERAL jsonb_array_elements(c.measures) AS m(value)
    LEFT JOIN LATERAL (
      SELECT applied, reason FROM evaluation.check_feedback fb
      WHERE fb.check_id = c.id AND fb.measure_code = m.value->>'code' ORDER BY fb.id DESC LIMIT 1
    ) f ON true
    WHERE ${checkFilters(f, Prisma.raw('c.'))}
      AND m.value->>'kind' IN ('INTERCEPT', 'RESTRICT', 'REMIND') AND NOT (m.value->>'withheld')::boolean
      AND (f.applied IS NULL OR (NOT f.applied AND coalesce(btrim(f.reason), '') = ''))`,
  );
}

const uncheckedRows = z.array(
  z.object({
    id: z.bigint(),
    department: z.string(),
    subjectCode: z.string(),
    matter,
    reference: z.string(),
    decidedOn: z.date(),
    lastCheckedAt: z.date().nullable(),
  }),
);

/**
 * 应查未查: reported decisions with no check of the same subject in the same matter by the deciding department
 * on a China date from `decidedOn − days` to `decidedOn`; one statement.
 */
export async function uncheckedDecisions(
  client: Client,
  f: Filters & Pick<QueryUncheckedDecisionsArgs, 'days'>,
): Promise<UncheckedRow[]> {
  reportPeriod(f.from, f.to);
  const days = f.days ?? 30;
  if (!Number.isInteger(days) || days < 0 || days > 365)
    throw badInput('days', 'RANGE', '`days` must be between 0 and 365');
  return uncheckedRows.parse(
    await client.$queryRaw<unknown[]>`
    SELECT d.id, d.department, d.subject_code AS "subjectCode", d.matter, d.reference, d.decided_on AS "decidedOn",
           last.at AS "lastCheckedAt"
    FROM evaluation.business_decision d
    LEFT JOIN LATERAL (
      SELECT max(c.checked_at) AS at FROM evaluation.credit_check c
      WHERE c.caller_department = d.department AND c.subject_code = d.subject_code AND c.matter = d.matter
        AND c.checked_at < ((d.decided_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
    ) last ON true
    WHERE d.decided_on BETWEEN ${toIsoDate(f.from)}::date AND ${toIsoDate(f.to)}::date
      AND (${f.department ?? null}::text IS NULL OR d.department = ${f.department ?? null})
      AND (${f.matter ?? null}::text IS NULL OR d.matter = ${f.matter ?? null})
      AND (last.at IS NULL OR (last.at AT TIME ZONE 'Asia/Shanghai')::date < d.decided_on - ${days}::int)
    ORDER BY d.decided_on, d.department, d.id`,
  );
}

/**
 * 应惩未惩: the candidates of the period (one statement), then the working-day deadline rule (chineseCalendar) in
 * `unpunished`; most overdue first.
 */
export async function unpunishedMeasures(
  client: Client,
  f: Filters & Pick<QueryUnpunishedMeasuresArgs, 'workingDays'> & { today: Date },
): Promise<UnpunishedRow[]> {
  reportPeriod(f.from, f.to);
  const workingDays = f.workingDays ?? 5;
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 60)
    throw badInput('workingDays', 'RANGE', '`workingDays` must be between 1 and 60');
  const result: UnpunishedRow[] = [];
  for (const c of await unpunishedCandidatesOf(client, f)) {
    const feedback = c.applied === null ? null : { applied: c.applied, reason: c.reason };
    const verdict = unpunished(
      { checkedOn: c.checkedOn, kind: c.measure.kind, feedback },
      f.today,
      workingDays,
      chineseCalendar,
    );
    if (!verdict) continue;
    result.push({
      checkId: c.checkId,
      department: c.department,
      subjectCode: c.subjectCode,
      matter: c.matter,
      reference: c.reference,
      measure: withoutFlag(c.measure),
      checkedAt: c.checkedAt,
      ...verdict,
    });
  }
  return result.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue ||
      a.checkedAt.getTime() - b.checkedAt.getTime() ||
      (a.measure.code < b.measure.code ? -1 : 1),
  );
}
