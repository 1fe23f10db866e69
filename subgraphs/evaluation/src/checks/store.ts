import {
  badInput,
  checkSubjectCode,
  chineseCalendar,
  forbidden,
  notFound,
  notInFuture,
  requiredText,
  toIsoDate,
} from '@credit-hub/kit';
import type { Identity } from '@credit-hub/kit';
import { Prisma, type Db } from '@credit-hub/kit/db';
import DataLoader from 'dataloader';
import type { Context } from '../context.ts';
import { LIST_INFO, type BusinessMatter, type CreditList } from '../catalogue/lists.ts';
import type { CheckRow, FeedbackRow, StatisticsRow, UncheckedRow, UnpunishedRow } from './model.ts';
import { unpunished, validateFeedback, type FeedbackItem, type MeasureSnapshot } from './rules.ts';

type Client = Db['prisma'];

/** A check to record, with who asked (the identity the gateway signed) and the request it came in. */
export interface CheckToRecord {
  row: CheckRow;
  caller: Identity;
  requestId: string;
}

// Stored shape of credit_check.measures: the applied measures, then the withheld incentives, flagged.
type StoredMeasure = MeasureSnapshot & { withheld: boolean };
type StoredList = { list: CreditList; type: string; department: string };

/**
 * Records the checks of a request in batches: every check resolved in the same tick (a page of N subjects
 * in one `_entities` call) goes into ONE insert. A check is answered only once its row is stored.
 */
export function createCheckRecorder(db: Db) {
  return new DataLoader<CheckToRecord, string>(
    async (checks) => {
      const rows = checks.map(({ row, caller, requestId }) => ({
        id: row.id,
        actor: caller.actor,
        role: caller.role,
        department: caller.department,
        client: caller.client,
        requestId,
        matter: row.matter,
        subjectCode: row.subjectCode,
        reference: row.reference,
        lists: JSON.stringify(
          row.lists.map((list): StoredList => ({
            list,
            type: LIST_INFO[list].type,
            department: LIST_INFO[list].department,
          })),
        ),
        measures: JSON.stringify([
          ...row.measures.map((m): StoredMeasure => ({ ...m, withheld: false })),
          ...row.withheldIncentives.map((m): StoredMeasure => ({ ...m, withheld: true })),
        ]),
        action: row.action,
        checkedAt: row.checkedAt.toISOString(),
      }));
      const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
      await db.prisma.$executeRaw`
        INSERT INTO evaluation.credit_check (id, caller_actor, caller_role, caller_department, caller_client, request_id,
                                             matter, subject_code, reference, lists, measures, action, checked_at)
        SELECT * FROM unnest(${column('id')}::uuid[], ${column('actor')}::text[], ${column('role')}::text[],
          ${column('department')}::text[], ${column('client')}::text[], ${column('requestId')}::text[],
          ${column('matter')}::text[], ${column('subjectCode')}::text[], ${column('reference')}::text[],
          ${column('lists')}::jsonb[], ${column('measures')}::jsonb[], ${column('action')}::text[],
          ${column('checkedAt')}::timestamptz[])`;
      return rows.map((r) => r.id);
    },
    // Every check is its own record, even the same subject twice: nothing to cache.
    { cache: false },
  );
}

interface StoredCheck {
  id: string;
  subjectCode: string;
  matter: BusinessMatter;
  reference: string | null;
  lists: StoredList[];
  measures: StoredMeasure[];
  action: CheckRow['action'];
  department: string | null;
  checkedAt: Date;
}

const fromStored = (s: StoredCheck): CheckRow => ({
  id: s.id,
  subjectCode: s.subjectCode,
  matter: s.matter,
  reference: s.reference,
  lists: s.lists.map((l) => l.list),
  measures: s.measures.filter((m) => !m.withheld).map(({ withheld: _w, ...m }) => m),
  withheldIncentives: s.measures.filter((m) => m.withheld).map(({ withheld: _w, ...m }) => m),
  action: s.action,
  department: s.department,
  checkedAt: s.checkedAt,
  fresh: false,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A check id as given by a client: a UUID, else BAD_USER_INPUT naming the field. */
export function checkId(raw: string, field: string): string {
  const id = raw.trim().toLowerCase();
  if (!UUID.test(id))
    throw badInput(field, 'FORMAT', `\`${field}\` must be a check id (UUID), got ${JSON.stringify(raw)}`);
  return id;
}

/** One recorded check, or null. */
export async function loadCheck(client: Client, id: string, lock = false): Promise<CheckRow | null> {
  const [row] = await client.$queryRaw<StoredCheck[]>`
    SELECT id::text, subject_code AS "subjectCode", matter, reference, lists, measures, action,
           caller_department AS department, checked_at AS "checkedAt"
    FROM evaluation.credit_check WHERE id = ${id}::uuid ${lock ? Prisma.sql`FOR SHARE` : Prisma.empty}`;
  return row ? fromStored(row) : null;
}

/** Feedback sorted as the check lists its measures (most severe first). */
export function inMeasureOrder(check: Pick<CheckRow, 'measures'>, rows: FeedbackRow[]): FeedbackRow[] {
  const order = check.measures.map((m) => m.code);
  return [...rows].sort((a, b) => order.indexOf(a.measureCode) - order.indexOf(b.measureCode));
}

/** Current feedback per check (the newest answer per measure), in one statement for all the request's checks. */
export function createFeedbackLoader(db: Db) {
  return new DataLoader<string, FeedbackRow[]>(async (ids) => {
    const rows = await currentFeedback(db.prisma, [...ids]);
    return ids.map((id) => rows.filter((r) => r.checkId === id));
  });
}

function currentFeedback(client: Client, ids: string[]): Promise<FeedbackRow[]> {
  return client.$queryRaw<FeedbackRow[]>`
    SELECT DISTINCT ON (check_id, measure_code) check_id::text AS "checkId", measure_code AS "measureCode",
           measure_version AS "measureVersion", applied, reason, reported_by AS "reportedBy", reported_at AS "reportedAt"
    FROM evaluation.check_feedback WHERE check_id = ANY(${ids}::uuid[])
    ORDER BY check_id, measure_code, id DESC`;
}

/**
 * 自动反馈: stores one answer per reported measure (the newest is current; earlier ones stay as history).
 * Only the checking department may answer: its officers and write-scoped systems.
 */
export async function recordFeedback(ctx: Context, rawId: string, items: FeedbackItem[]): Promise<FeedbackRow[]> {
  const id = checkId(rawId, 'checkId');
  const check = await loadCheck(ctx.db.prisma, id);
  if (!check) throw notFound('credit check', id);
  if (!check.department || check.department !== ctx.identity.department)
    throw forbidden(
      `Mutation.reportCheckFeedback: only the department that made check ${id} (${check.department ?? 'a supervisor'}) may report its feedback`,
      { field: 'checkId', rule: 'CHECKING_DEPARTMENT_ONLY', department: check.department },
    );
  const answers = validateFeedback(items, check.measures);
  return ctx.audited(
    {
      subjectCode: check.subjectCode,
      fields: ['Mutation.reportCheckFeedback'],
      detail: `${id} ${answers.map((a) => `${a.measureCode}:${a.applied ? 'applied' : 'not applied'}`).join(' ')}`,
    },
    async (tx) => {
      await tx.checkFeedback.createMany({
        data: answers.map((a) => ({ ...a, checkId: id, reportedBy: ctx.identity.actor })),
      });
      return inMeasureOrder(check, await currentFeedback(tx, [id]));
    },
  );
}

export interface DecisionInput {
  subject: string;
  matter: BusinessMatter;
  reference: string;
  decidedOn: Date;
}

/** reportBusinessDecisions: validated first (errors name `decisions[i].field`), then one upsert statement. */
export async function recordDecisions(
  ctx: Context,
  decisions: DecisionInput[],
): Promise<{ received: number; recorded: number; updated: number }> {
  const department = ctx.identity.department;
  if (!department)
    throw forbidden('Mutation.reportBusinessDecisions: only a department may report its decisions', {
      field: 'Mutation.reportBusinessDecisions',
    });
  if (decisions.length === 0) throw badInput('decisions', 'REQUIRED', '`decisions` must hold at least one decision');
  if (decisions.length > 1000) throw badInput('decisions', 'LENGTH', '`decisions` may hold at most 1,000 decisions');
  const seen = new Set<string>();
  const rows = decisions.map((d, i) => {
    const subject = checkSubjectCode(d.subject, `decisions[${i}].subject`);
    const reference = requiredText(d.reference, `decisions[${i}].reference`, 200);
    notInFuture(d.decidedOn, `decisions[${i}].decidedOn`);
    const key = `${d.matter}\u0000${reference}\u0000${subject}`;
    if (seen.has(key))
      throw badInput(`decisions[${i}]`, 'REPEATED', `\`decisions[${i}]\` repeats an earlier decision of this call`);
    seen.add(key);
    return { subject, matter: d.matter, reference, decidedOn: d.decidedOn };
  });
  return ctx.audited(
    { subjectCode: null, fields: ['Mutation.reportBusinessDecisions'], detail: `${rows.length} decision(s)` },
    async (tx) => {
      const result = await tx.$queryRaw<{ inserted: boolean }[]>`
        INSERT INTO evaluation.business_decision (department, subject_code, matter, reference, decided_on, reported_by)
        SELECT ${department}::text, u.*, ${ctx.identity.actor}::text FROM unnest(${rows.map((r) => r.subject)}::text[],
          ${rows.map((r) => r.matter)}::text[], ${rows.map((r) => r.reference)}::text[],
          ${rows.map((r) => toIsoDate(r.decidedOn))}::date[]) AS u
        ON CONFLICT (department, matter, reference, subject_code)
          DO UPDATE SET decided_on = EXCLUDED.decided_on, reported_by = EXCLUDED.reported_by, reported_at = now()
        RETURNING (xmax = 0) AS inserted`;
      const recorded = result.filter((r) => r.inserted).length;
      return { received: rows.length, recorded, updated: rows.length - recorded };
    },
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

interface Filters {
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

/** creditCheckStatistics: one grouped statement. */
export async function checkStatistics(
  client: Client,
  f: Filters & { groupBy: 'DAY' | 'MONTH' },
): Promise<StatisticsRow[]> {
  reportPeriod(f.from, f.to);
  const unit = f.groupBy === 'DAY' ? 'day' : 'month';
  const rows = await client.$queryRaw<Omit<StatisticsRow, 'unit'>[]>`
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
  return rows.map((r) => ({ ...r, unit: f.groupBy }));
}

/**
 * 应惩未惩: the punitive measures of the period's checks whose current feedback is missing or "not applied"
 * without a reason (one statement), then the working-day deadline rule (chineseCalendar) in unpunished().
 */
export async function unpunishedMeasures(
  client: Client,
  f: Filters & { workingDays: number; today: Date },
): Promise<UnpunishedRow[]> {
  reportPeriod(f.from, f.to);
  if (!Number.isInteger(f.workingDays) || f.workingDays < 1 || f.workingDays > 60)
    throw badInput('workingDays', 'RANGE', '`workingDays` must be between 1 and 60');
  const candidates = await client.$queryRaw<
    {
      checkId: string;
      department: string | null;
      subjectCode: string;
      matter: BusinessMatter;
      reference: string | null;
      checkedAt: Date;
      checkedOn: Date;
      measure: StoredMeasure;
      applied: boolean | null;
      reason: string | null;
    }[]
  >`
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
      AND (f.applied IS NULL OR (NOT f.applied AND coalesce(btrim(f.reason), '') = ''))`;
  const result: UnpunishedRow[] = [];
  for (const c of candidates) {
    const feedback = c.applied === null ? null : { applied: c.applied, reason: c.reason };
    const verdict = unpunished(
      { checkedOn: c.checkedOn, kind: c.measure.kind, feedback },
      f.today,
      f.workingDays,
      chineseCalendar,
    );
    if (!verdict) continue;
    const { withheld: _w, ...measure } = c.measure;
    result.push({
      checkId: c.checkId,
      department: c.department,
      subjectCode: c.subjectCode,
      matter: c.matter,
      reference: c.reference,
      measure,
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

/**
 * 应查未查: reported decisions with no check of the same subject in the same matter by the deciding department
 * on a China date from `decidedOn − days` to `decidedOn`; one statement.
 */
export async function uncheckedDecisions(client: Client, f: Filters & { days: number }): Promise<UncheckedRow[]> {
  reportPeriod(f.from, f.to);
  if (!Number.isInteger(f.days) || f.days < 0 || f.days > 365)
    throw badInput('days', 'RANGE', '`days` must be between 0 and 365');
  return client.$queryRaw<UncheckedRow[]>`
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
      AND (last.at IS NULL OR (last.at AT TIME ZONE 'Asia/Shanghai')::date < d.decided_on - ${f.days}::int)
    ORDER BY d.decided_on, d.department, d.id`;
}
