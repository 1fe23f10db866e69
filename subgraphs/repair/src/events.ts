/**
 * What the window learns from the bus (docs/rules/repair.md, "Propagation"). It reads the owning departments' events
 * only, never their schemas:
 *   - the records it can take cases on (record_fact): list entries added and removed, penalties published and ended;
 *   - the end of a repair: when the deciding department announces the record's end with cause REPAIRED (its own
 *     act, done on consuming `repair.approved`), the approved application becomes SYNCED.
 */
import type { Sql } from '@credit-hub/kit/db';
import type {
  ConsumerDefinition,
  DeliveredEvent,
  DepartmentSnapshot,
  NewEvent,
  PayloadOf,
} from '@credit-hub/kit/events';
import { chineseCalendar, z } from '@credit-hub/kit';
import { chinaToday, clock, toIsoDate } from '@credit-hub/kit';
import {
  CLOSING_OUTCOME,
  handlingDays,
  isOverdue,
  workingDays,
  type CaseAction,
  type CaseKind,
  type CaseState,
  type RecordKind,
} from './rules.ts';

const KIND_OF_LIST: Partial<Record<string, RecordKind>> = {
  MAJOR_TAX_VIOLATOR: 'MAJOR_TAX_VIOLATION',
  SERIOUS_ILLEGAL: 'SERIOUS_ILLEGAL',
  ABNORMAL_OPERATION: 'ABNORMAL_OPERATION',
  DISHONEST_DEBTOR: 'DISHONEST_DEBTOR',
};
const KIND_OF_RECORD: Partial<Record<string, RecordKind>> = {
  ADMINISTRATIVE_PENALTY: 'ADMINISTRATIVE_PENALTY',
  ENVIRONMENTAL_PENALTY: 'ENVIRONMENTAL_PENALTY',
  COMMITMENT_BREACH: 'COMMITMENT_BREACH',
};
/** The environment's black list is derived from the rating in force (docs/events.md): red, or black where used. */
const BLACKLIST_GRADES = ['RED', 'BLACK'];

async function known(
  sql: Sql,
  event: DeliveredEvent,
  kind: RecordKind,
  id: string,
  since: string,
  endsOn: string | null,
  repairableFrom: string | null,
  overwrite: boolean,
  reopen = false,
) {
  const subject = event.subjectCode ?? event.personKey;
  if (!subject) return;
  await sql.execute(
    `INSERT INTO repair.record_fact (record_kind, record_id, subject_code, department, since, ends_on, repairable_from, updated_at)
     VALUES ($1, $2, $3, $4, $5::date, $6::date, $7::date, now())
     ON CONFLICT (record_kind, record_id) DO ${
       overwrite
         ? `UPDATE SET subject_code = EXCLUDED.subject_code, department = EXCLUDED.department, since = EXCLUDED.since,
              ends_on = EXCLUDED.ends_on, repairable_from = COALESCE(EXCLUDED.repairable_from, record_fact.repairable_from),
              ${reopen ? 'ended_on = NULL, ended_cause = NULL,' : ''} updated_at = now()`
         : 'NOTHING'
     }`,
    [kind, id, subject, event.department, since, endsOn, repairableFrom],
  );
}

async function ended(sql: Sql, kind: RecordKind, id: string, on: string, cause: string) {
  await sql.execute(
    `UPDATE repair.record_fact SET ended_on = $3::date, ended_cause = $4, updated_at = now()
      WHERE record_kind = $1 AND record_id = $2 AND ended_on IS NULL`,
    [kind, id, on, cause],
  );
  if (cause !== 'REPAIRED') return;
  // The department's repair act is done and announced: its approved application is SYNCED.
  const today = clock.today();
  const approved = (await sql.rows(
    `SELECT id::text AS id, stage_started_at AS "startedAt" FROM repair."case"
      WHERE kind = 'REPAIR' AND state = 'APPROVED' AND record_kind = $1 AND record_id = $2 FOR UPDATE`,
    [kind, id],
  )) as { id: string; startedAt: Date }[];
  for (const row of approved) {
    await sql.execute(
      `UPDATE repair."case" SET state = 'SYNCED', due_on = NULL, closed_at = $2, stage_started_at = $2 WHERE id = $1::bigint`,
      [row.id, clock.now()],
    );
    await sql.execute(
      `INSERT INTO repair.transition (case_id, from_state, to_state, action, actor, role, department, reason, stage_days, at)
       VALUES ($1::bigint, 'APPROVED', 'SYNCED', 'SYNC', 'event:repair.records', 'SYSTEM', NULL, $2, $3, $4)`,
      [
        row.id,
        `${kind} ${id} 已由认定部门终止公示/移出（修复）`,
        workingDays(row.startedAt, today, chineseCalendar),
        clock.now(),
      ],
    );
  }
}

/** The window's one consumer: the record projection and the SYNCED step. */
export const repairRecordsConsumer: ConsumerDefinition = {
  name: 'repair.records',
  types: [
    'list.entry.added',
    'list.entry.removed',
    'record.published',
    'record.publication.ended',
    'disclosure.record.accepted',
    'rating.changed',
  ],
  async handle(event, sql) {
    switch (event.type) {
      case 'list.entry.added': {
        const p = event.payload as PayloadOf<'list.entry.added'>;
        const kind = KIND_OF_LIST[p.list];
        if (kind) await known(sql, event, kind, p.entryId, p.listedOn, p.endsOn, null, true);
        return;
      }
      case 'list.entry.removed': {
        const p = event.payload as PayloadOf<'list.entry.removed'>;
        const kind = KIND_OF_LIST[p.list];
        if (kind) await ended(sql, kind, p.entryId, p.removedOn, p.cause);
        return;
      }
      case 'record.published': {
        const p = event.payload as PayloadOf<'record.published'>;
        const kind = KIND_OF_RECORD[p.record];
        if (kind)
          await known(sql, event, kind, p.recordId, p.publishedOn, p.publicityEndsOn, p.repairableFrom ?? null, true);
        return;
      }
      case 'record.publication.ended': {
        const p = event.payload as PayloadOf<'record.publication.ended'>;
        const kind = KIND_OF_RECORD[p.record];
        if (kind) await ended(sql, kind, p.recordId, p.endedOn, p.cause);
        return;
      }
      case 'rating.changed': {
        // An environmental rating turned red or black is a black-list entry the window can take cases on; one that
        // left those grades ended it (REPAIRED when the department's repair act did it, SUPERSEDED by a new rating).
        const p = event.payload as PayloadOf<'rating.changed'>;
        if (p.scheme !== 'ENVIRONMENTAL') return;
        const day = p.evaluatedOn ?? toIsoDate(chinaToday(event.occurredAt))!;
        // A year republished red after a repair or a better grade is the department's new decision: open again.
        if (BLACKLIST_GRADES.includes(p.level))
          await known(sql, event, 'ENVIRONMENTAL_BLACKLIST', p.ratingId, day, p.validUntil ?? null, null, true, true);
        else if (p.previousLevel && BLACKLIST_GRADES.includes(p.previousLevel))
          await ended(
            sql,
            'ENVIRONMENTAL_BLACKLIST',
            p.ratingId,
            p.cause === 'REPAIRED' ? toIsoDate(chinaToday(event.occurredAt))! : day,
            p.cause ?? 'SUPERSEDED',
          );
        return;
      }
      case 'disclosure.record.accepted': {
        const p = event.payload as PayloadOf<'disclosure.record.accepted'>;
        // Known by its decision day at least; `record.published` (same transaction) adds its window.
        if (p.kind === 'PENALTY')
          await known(sql, event, 'ADMINISTRATIVE_PENALTY', p.recordId, p.decidedOn, null, null, false);
        return;
      }
    }
  },
};

export const repairConsumers: readonly ConsumerDefinition[] = [repairRecordsConsumer];

// ---------------------------------------------------------------------------------------------------------------
// The metrics snapshot (docs/adr/0131-evaluation-and-repair-snapshots.md)

/** A closed case as `repair.case.closed` announces it (docs/events.md): built here for the write and the snapshot. */
export interface ClosedCase {
  caseId: string;
  kind: CaseKind;
  recordKind: RecordKind;
  recordId: string;
  department: string;
  subjectCode: string;
  outcome: NonNullable<(typeof CLOSING_OUTCOME)[CaseAction]>;
  submittedOn: string;
  closedOn: string;
  workingDays: number | null;
  overdue: boolean;
  extended: boolean;
}

/** `repair.case.closed`: the one builder of the closing decision's event (writes.ts `move` and the snapshot). */
export const caseClosedEvent = (c: ClosedCase): NewEvent => ({
  source: 'repair',
  type: 'repair.case.closed',
  department: c.department,
  subject: c.subjectCode,
  payload: {
    caseId: c.caseId,
    caseKind: c.kind,
    recordKind: c.recordKind,
    recordId: c.recordId,
    outcome: c.outcome,
    submittedOn: c.submittedOn,
    closedOn: c.closedOn,
    workingDays: c.workingDays,
    overdue: c.overdue,
    extended: c.extended,
  },
});

const closingRow = z.object({
  case_id: z.string(),
  transition_id: z.string(),
  kind: z.string(),
  record_kind: z.string(),
  record_id: z.string(),
  department: z.string(),
  subject_code: z.string(),
  extended: z.boolean(),
  submitted_on: z.string(),
  action: z.string(),
  from_state: z.string(),
  due_on: z.string().nullable(),
  closed_on: z.string(),
  at: z.date(),
});
const stageRow = z.object({
  case_id: z.string(),
  id: z.string(),
  from_state: z.string().nullable(),
  stage_days: z.number().nullable(),
});

/**
 * The repair window's state snapshot for a metrics backfill (ADR 0113, ADR 0124, ADR 0131): every closing decision
 * (a transition whose action closes a case) restated as the `repair.case.closed` the decision recorded, at the
 * transition's time. The handling days are the case's non-extension stages up to that transition (as the write sums
 * them); the overdue flag is the write's own rule over the due date the transition keeps (migration 0076). A decision
 * made before that migration has no due date kept and is restated as on time: the case's due_on was overwritten by
 * the decision and an extension's days were not kept, so nothing else can tell.
 */
export const repairSnapshot: DepartmentSnapshot = async (sql) => {
  const closing = Object.keys(CLOSING_OUTCOME);
  const rows = (
    await sql.rows(
      `SELECT c.id::text AS case_id, t.id::text AS transition_id, c.kind, c.record_kind, c.record_id, c.department,
              c.subject_code, c.extended,
              -- As the write dates it: the UTC day of the submission (the decision's, for a case never submitted).
              to_char(coalesce(c.submitted_at, t.at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS submitted_on,
              t.action, t.from_state, t.due_on::text AS due_on,
              to_char(t.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS closed_on, t.at
         FROM repair.transition t JOIN repair."case" c ON c.id = t.case_id
        WHERE t.action = ANY($1::text[]) ORDER BY t.id`,
      [closing],
    )
  ).map((r) => closingRow.parse(r));
  if (rows.length === 0) return [];
  const stages = (
    await sql.rows(
      `SELECT case_id::text AS case_id, id::text AS id, from_state, stage_days FROM repair.transition
        WHERE case_id = ANY($1::bigint[]) AND action <> 'EXTEND' ORDER BY case_id, id`,
      [[...new Set(rows.map((r) => r.case_id))]],
    )
  ).map((r) => stageRow.parse(r));
  const byCase = new Map<string, z.infer<typeof stageRow>[]>();
  for (const s of stages) byCase.set(s.case_id, [...(byCase.get(s.case_id) ?? []), s]);
  const day = (v: string) => new Date(`${v}T00:00:00Z`);
  return rows.map((r) => ({
    ...caseClosedEvent({
      caseId: r.case_id,
      kind: r.kind as CaseKind,
      recordKind: r.record_kind as RecordKind,
      recordId: r.record_id,
      department: r.department,
      subjectCode: r.subject_code,
      outcome: CLOSING_OUTCOME[r.action as CaseAction]!,
      submittedOn: r.submitted_on,
      closedOn: r.closed_on,
      // The stages up to this decision, its own transition included (ids grow with the moves).
      workingDays: handlingDays(
        (byCase.get(r.case_id) ?? [])
          .filter((s) => BigInt(s.id) <= BigInt(r.transition_id))
          .map((s) => ({ stage: s.from_state as CaseState | null, days: s.stage_days })),
      ),
      overdue: isOverdue(r.from_state as CaseState, r.due_on ? day(r.due_on) : null, day(r.closed_on)),
      extended: r.extended,
    }),
    occurredAt: r.at,
  }));
};
