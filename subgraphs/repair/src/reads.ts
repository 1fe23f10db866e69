/**
 * The window's reads: cases, their files and history, the marks on records (eligibility, 异议处理中, 修复办理中), the
 * work queue and the dashboards' figures. Facts about records come from the window's own projection of the owning
 * departments' events (record_fact), never from their schemas.
 */
import { clock, DEPARTMENTS } from '@credit-hub/kit';
import type { Db, RepairCase, RepairRecordFact } from '@credit-hub/kit/db';
import {
  CLOCKED,
  eligibility,
  OPEN,
  p90,
  type CaseState,
  type Eligibility,
  type RecordFacts,
  type RecordKind,
} from './rules.ts';

export const departmentName = (code: string) => (DEPARTMENTS as Record<string, string>)[code] ?? code;

export const factOf = (f: RepairRecordFact): RecordFacts => ({
  kind: f.recordKind as RecordKind,
  since: f.since,
  endsOn: f.endsOn,
  repairableFrom: f.repairableFrom,
  endedOn: f.endedOn,
  endedCause: f.endedCause,
});

export interface Mark {
  objectionPending: boolean;
  repairPending: boolean;
  eligibility: Eligibility;
}

const key = (kind: string, id: string) => `${kind}:${id}`;
const PENDING_OBJECTION: CaseState[] = ['SUBMITTED', 'RETURNED', 'FORWARDED'];
const PENDING_REPAIR: CaseState[] = ['SUBMITTED', 'RETURNED', 'FORWARDED', 'ACCEPTED', 'APPROVED'];

/**
 * The marks of many records in three statements (facts, open or denied cases, the same subjects' history of the
 * same kinds), whatever their number. `exceptCase` leaves a case out (the one being submitted).
 */
export async function marksOf(
  db: Db,
  refs: readonly { kind: RecordKind; id: string }[],
  exceptCase: bigint | null = null,
): Promise<Map<string, Mark>> {
  const today = clock.today();
  const pairs = refs.map((r) => ({ recordKind: r.kind, recordId: r.id }));
  const [facts, cases] = await Promise.all([
    db.prisma.repairRecordFact.findMany({ where: { OR: pairs } }),
    db.prisma.repairCase.findMany({
      where: {
        OR: pairs,
        state: { in: [...PENDING_REPAIR, 'DENIED'] },
        ...(exceptCase ? { id: { not: exceptCase } } : {}),
      },
      select: { recordKind: true, recordId: true, kind: true, state: true, reapplyFrom: true },
    }),
  ]);
  const subjects = [...new Set(facts.map((f) => f.subjectCode))];
  const history = subjects.length
    ? await db.prisma.repairRecordFact.findMany({
        where: { subjectCode: { in: subjects }, recordKind: { in: ['SERIOUS_ILLEGAL', 'MAJOR_TAX_VIOLATION'] } },
        select: { subjectCode: true, recordKind: true, since: true, endedOn: true, endedCause: true },
      })
    : [];
  const factBy = new Map(facts.map((f) => [key(f.recordKind, f.recordId), f]));
  const marks = new Map<string, Mark>();
  for (const r of refs) {
    const k = key(r.kind, r.id);
    const mine = cases.filter((c) => c.recordKind === r.kind && c.recordId === r.id);
    const fact = factBy.get(k) ?? null;
    const same = fact ? history.filter((h) => h.subjectCode === fact.subjectCode && h.recordKind === r.kind) : [];
    const denied = mine
      .filter((c) => c.state === 'DENIED' && c.reapplyFrom)
      .map((c) => c.reapplyFrom!)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    const repairPending = mine.some((c) => c.kind === 'REPAIR' && PENDING_REPAIR.includes(c.state as CaseState));
    marks.set(k, {
      objectionPending: mine.some((c) => c.kind === 'OBJECTION' && PENDING_OBJECTION.includes(c.state as CaseState)),
      repairPending,
      eligibility: eligibility(fact ? factOf(fact) : null, r.kind, today, {
        repairedSameKind: same.filter((h) => h.endedCause === 'REPAIRED' && h.endedOn).map((h) => h.endedOn!),
        determinationsSameKind: same.map((h) => h.since),
        pending: repairPending,
        deniedUntil: denied ?? null,
      }),
    });
  }
  return marks;
}

export const markKey = key;

/** Every record of the subjects the window knows of (one statement). */
export const factsOfSubjects = (db: Db, codes: readonly string[]) =>
  db.prisma.repairRecordFact.findMany({
    where: { subjectCode: { in: [...codes] } },
    orderBy: [{ since: 'desc' }, { recordId: 'desc' }],
  });

export const filesOfCases = (db: Db, ids: readonly bigint[]) =>
  db.prisma.repairFile.findMany({
    where: { caseId: { in: [...ids] } },
    omit: { content: true },
    orderBy: { id: 'asc' },
  });

export const transitionsOfCases = (db: Db, ids: readonly bigint[]) =>
  db.prisma.repairTransition.findMany({ where: { caseId: { in: [...ids] } }, orderBy: { id: 'asc' } });

/** The work queue (docs/rules/repair.md, "Work queue"): oldest due first, overdue ones first of all. */
export function queue(
  db: Db,
  department: string | null,
  filter: { kind?: string | null; states?: readonly string[] | null; overdueOnly?: boolean | null },
): Promise<RepairCase[]> {
  const states = filter.states?.length ? [...filter.states] : OPEN.filter((s) => s !== 'DRAFT');
  return db.prisma.repairCase.findMany({
    where: {
      ...(department ? { department } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      state: { in: filter.overdueOnly ? states.filter((s) => CLOCKED.includes(s as CaseState)) : states },
      ...(filter.overdueOnly ? { dueOn: { lt: clock.today() } } : {}),
    },
    orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    take: 500,
  });
}

interface StageRow {
  kind: string;
  stage: string;
  department: string;
  days: number[];
}

/** The dashboards' figures for submissions from `from` to `to` (inclusive, China days). */
export async function statistics(db: Db, from: Date, to: Date) {
  const today = clock.today();
  const cases = await db.prisma.repairCase.findMany({
    where: {
      submittedAt: { not: null },
      transitions: {
        some: { action: 'SUBMIT', at: { gte: new Date(from.getTime() - 8 * 3_600_000), lt: dayAfter(to) } },
      },
    },
    select: { id: true, kind: true, state: true, department: true, dueOn: true },
  });
  const ids = cases.map((c) => c.id);
  const transitions = ids.length
    ? await db.prisma.repairTransition.findMany({
        where: { caseId: { in: ids }, stageDays: { not: null } },
        select: { caseId: true, fromState: true, stageDays: true, action: true },
      })
    : [];
  const overdueRows = await db.prisma.repairCase.findMany({
    where: { state: { in: [...CLOCKED] }, dueOn: { lt: today } },
    select: { department: true },
  });
  const caseBy = new Map(cases.map((c) => [c.id, c]));
  const stages = new Map<string, StageRow>();
  const handling = new Map<bigint, number>();
  for (const t of transitions) {
    const c = caseBy.get(t.caseId)!;
    const stage = t.fromState!;
    const k = `${c.kind}:${stage}:${c.department}`;
    const row = stages.get(k) ?? { kind: c.kind, stage, department: c.department, days: [] };
    row.days.push(t.stageDays!);
    stages.set(k, row);
    // Handling time: the clock's days only (RETURNED, the 补正, is the applicant's time).
    if (stage !== 'RETURNED' && stage !== 'DRAFT') handling.set(c.id, (handling.get(c.id) ?? 0) + t.stageDays!);
  }
  const decided = (kind: string, states: string[]) =>
    cases.filter((c) => c.kind === kind && states.includes(c.state)).map((c) => handling.get(c.id) ?? 0);
  const repairDays = decided('REPAIR', ['APPROVED', 'SYNCED', 'DENIED', 'REJECTED_NOT_ACCEPTED']);
  const objectionDays = decided('OBJECTION', ['CORRECTED', 'UPHELD', 'REJECTED_NOT_ACCEPTED']);
  const count = (kind: string, states?: string[]) =>
    cases.filter((c) => c.kind === kind && (!states || states.includes(c.state))).length;
  const applications = count('REPAIR');
  const objections = count('OBJECTION');
  const departments = [...new Set([...cases.map((c) => c.department), ...overdueRows.map((r) => r.department)])].sort();
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return {
    from,
    to,
    applications,
    objections,
    objectionShare: applications + objections ? objections / (applications + objections) : 0,
    approved: count('REPAIR', ['APPROVED', 'SYNCED']),
    denied: count('REPAIR', ['DENIED']),
    notAccepted: cases.filter((c) => c.state === 'REJECTED_NOT_ACCEPTED').length,
    overdue: overdueRows.length,
    averageRepairWorkingDays: avg(repairDays),
    averageObjectionWorkingDays: avg(objectionDays),
    p90ObjectionWorkingDays: p90(objectionDays),
    stages: [...stages.values()]
      .sort(
        (a, b) =>
          a.kind.localeCompare(b.kind) || a.stage.localeCompare(b.stage) || a.department.localeCompare(b.department),
      )
      .map((s) => ({
        kind: s.kind,
        stage: s.stage,
        department: s.department,
        count: s.days.length,
        averageWorkingDays: avg(s.days),
        p90WorkingDays: p90(s.days),
      })),
    departments: departments.map((department) => ({
      department,
      applications: cases.filter((c) => c.department === department && c.kind === 'REPAIR').length,
      objections: cases.filter((c) => c.department === department && c.kind === 'OBJECTION').length,
      overdue: overdueRows.filter((r) => r.department === department).length,
    })),
  };
}

/** Midnight (China) of the day after a China calendar day, as an instant. */
function dayAfter(day: Date): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1) - 8 * 3_600_000);
}
