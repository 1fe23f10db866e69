/**
 * The window's writes: a case is created as a draft by its applicant, then moved through the state table of rules.ts
 * by the applicant, the platform and the deciding department. Every move is one transaction with its transition row,
 * its audit entry and, for decisions, its event (repair.approved / objection.resolved) in the repair outbox.
 */
import { randomBytes } from 'node:crypto';
import {
  badInput,
  clock,
  conflict,
  DEPARTMENTS,
  forbidden,
  isUuid,
  notFound,
  unauthenticated,
  type Identity,
} from '@credit-hub/kit';
import { prismaSql, type RepairCase } from '@credit-hub/kit/db';
import { recordEvent } from '@credit-hub/kit/events';
import type { Context } from './context.ts';
import { caseClosedEvent } from './events.ts';
import { marksOf, markKey } from './reads.ts';
import {
  actorFor,
  isActor,
  type Actor,
  CLOSING_OUTCOME,
  dueAfter,
  handlingDays,
  isOverdue,
  missingMaterials,
  nextState,
  OWNER_OF,
  queryCodeFrom,
  RECORD_KIND_LABELS,
  stageLimit,
  workingDays,
  type CaseAction,
  type CaseKind,
  type CaseState,
  type FilePurpose,
  type RecordKind,
} from './rules.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const FINAL: CaseState[] = ['REJECTED_NOT_ACCEPTED', 'DENIED', 'SYNCED', 'CORRECTED', 'UPHELD', 'WITHDRAWN'];

function text(value: string | null | undefined, field: string, max: number, required = true): string | null {
  const v = (value ?? '').trim();
  if (!v) {
    if (required) throw badInput(field, 'REQUIRED', `\`${field}\` must not be empty`);
    return null;
  }
  if (v.length > max)
    throw badInput(field, 'LENGTH', `\`${field}\` holds at most ${max} characters (${v.length} given)`);
  if (v.includes('\u0000')) throw badInput(field, 'CHARACTERS', `\`${field}\` must not contain NUL characters`);
  return v;
}

/** A record's id as its department made it: a number, or a UUID for a commitment (the commitment subgraph's ids). */
export function checkRecordId(id: string, field = 'input.recordId', kind?: RecordKind): string {
  if (kind === 'COMMITMENT_BREACH') {
    if (!isUuid(id))
      throw badInput(
        field,
        'FORMAT',
        `\`${field}\` must be a commitment id (UUID), got ${JSON.stringify(id.slice(0, 40))}`,
      );
    return id.toLowerCase();
  }
  if (!/^\d{1,18}$/.test(id))
    throw badInput(field, 'FORMAT', `\`${field}\` must be a numeric record id, got ${JSON.stringify(id.slice(0, 40))}`);
  return id;
}

export function checkCaseId(id: string): bigint {
  if (!/^\d{1,18}$/.test(id)) throw badInput('id', 'FORMAT', '`id` must be a numeric case id');
  return BigInt(id);
}

interface NewCase {
  kind: CaseKind;
  recordKind: RecordKind;
  recordId: string;
  statement: string;
  contactPhone?: string | null;
  agentName?: string | null;
  category?: string | null;
  department?: string | null;
}

/** A draft case by the enterprise signed in, about a record of its own subject. */
export async function createCase(ctx: Context, input: NewCase): Promise<RepairCase> {
  const subjectCode = enterpriseOf(ctx.identity);
  const recordId = checkRecordId(input.recordId, 'input.recordId', input.recordKind);
  const statement = text(input.statement, 'input.statement', 2000)!;
  const contactPhone = text(input.contactPhone, 'input.contactPhone', 40, false);
  const agentName = text(input.agentName, 'input.agentName', 100, false);
  const fact = await ctx.db.prisma.repairRecordFact.findUnique({
    where: { recordKind_recordId: { recordKind: input.recordKind, recordId } },
  });
  if (fact && fact.subjectCode !== subjectCode)
    throw forbidden(
      `${RECORD_KIND_LABELS[input.recordKind]} ${recordId} is not about ${subjectCode}: one applies only for one's own records`,
      {
        rule: 'OWN_RECORDS_ONLY',
        field: 'input.recordId',
      },
    );
  let department = fact?.department ?? OWNER_OF[input.recordKind];
  if (input.kind === 'REPAIR') {
    const mark = (await marksOf(ctx.db, [{ kind: input.recordKind, id: recordId }])).get(
      markKey(input.recordKind, recordId),
    )!;
    if (!mark.eligibility.eligible)
      throw badInput(
        'input.recordId',
        'NOT_ELIGIBLE',
        `${RECORD_KIND_LABELS[input.recordKind]} ${recordId}: ${mark.eligibility.reason}`,
        {
          ...(mark.eligibility.from ? { allowedFrom: iso(mark.eligibility.from) } : {}),
          ruleText: mark.eligibility.rule,
        },
      );
  } else if (!department) {
    // A 双公示 penalty the window has no event about: the objector names the department that published it.
    const given = input.department ?? '';
    if (!Object.hasOwn(DEPARTMENTS, given) || given === 'platform')
      throw badInput(
        'input.department',
        'REQUIRED',
        '`input.department` must name the department that provided the record (a DEPARTMENTS code)',
      );
    department = given;
  }
  return ctx.audited(
    {
      subjectCode,
      fields: [input.kind === 'REPAIR' ? 'Mutation.createRepairApplication' : 'Mutation.createObjection'],
      detail: `${input.recordKind} ${recordId}`,
    },
    async (tx) => {
      const now = clock.now();
      const row = await tx.repairCase.create({
        data: {
          kind: input.kind,
          queryCode: queryCodeFrom(randomBytes(12)),
          subjectCode,
          applicantActor: ctx.identity.actor,
          applicantKind: agentName ? 'AGENT' : 'SUBJECT',
          agentName,
          contactPhone,
          recordKind: input.recordKind,
          recordId,
          department: department!,
          category: input.category ?? null,
          statement,
          state: 'DRAFT',
          stageStartedAt: now,
        },
      });
      await tx.repairTransition.create({
        data: {
          caseId: row.id,
          fromState: null,
          toState: 'DRAFT',
          action: 'CREATE',
          actor: ctx.identity.actor,
          role: ctx.identity.role,
          department: null,
          at: now,
        },
      });
      return row;
    },
  );
}

export interface MoveArgs {
  reason?: string | null;
  workingDays?: number | null;
  reapplyFrom?: Date | null;
}

/** The mutation each move is (the audit entry names it). */
const MUTATION: Record<CaseAction, string> = {
  SUBMIT: 'submitRepairCase',
  RESUBMIT: 'resubmitRepairCase',
  WITHDRAW: 'withdrawRepairCase',
  FORWARD: 'forwardRepairCase',
  RETURN: 'returnRepairCase',
  REFUSE: 'refuseRepairCase',
  ACCEPT: 'acceptRepairCase',
  EXTEND: 'extendRepairCase',
  APPROVE: 'approveRepairCase',
  DENY: 'denyRepairCase',
  SYNC: 'repair.sync',
  CORRECT: 'correctObjection',
  UPHOLD: 'upholdObjection',
};

const REASON_NEEDED: CaseAction[] = ['RETURN', 'REFUSE', 'EXTEND', 'APPROVE', 'DENY', 'CORRECT', 'UPHOLD'];

/** One move of the state table, by its actor, with its clock, transition, audit entry and event. */
export async function move(ctx: Context, rawId: string, action: CaseAction, args: MoveArgs = {}): Promise<RepairCase> {
  const id = checkCaseId(rawId);
  const found = await ctx.db.prisma.repairCase.findUnique({ where: { id } });
  if (!found) throw notFound('Repair case', rawId);
  const field = action === 'APPROVE' ? 'basis' : 'reason';
  const reason = REASON_NEEDED.includes(action) ? text(args.reason, field, 500) : null;
  requireActor(ctx.identity, actorFor(action, found.state as CaseState), found);
  return ctx.audited(
    {
      subjectCode: found.subjectCode,
      fields: [`Mutation.${MUTATION[action]}`],
      detail: `case ${rawId} ${action}${reason ? `: ${reason}` : ''}`,
    },
    async (tx) => {
      // Locked: two officers acting at once see each other's move, never the same state twice.
      await tx.$queryRawUnsafe('SELECT 1 FROM repair."case" WHERE id = $1 FOR UPDATE', id);
      const row = await tx.repairCase.findUniqueOrThrow({ where: { id } });
      const kind = row.kind as CaseKind;
      const state = row.state as CaseState;
      const to = nextState(kind, state, action, row.returnedFrom as CaseState | null);
      if (!to)
        throw conflict(
          'id',
          'INVALID_TRANSITION',
          `case ${rawId} (${kind}) is ${state}: ${action} is not possible in that state`,
          { state },
        );
      const now = clock.now();
      const today = clock.today();
      const limits = ctx.config.limits;
      const data: Partial<RepairCase> = { state: to };
      if (action === 'SUBMIT' || action === 'FORWARD') await checkMaterials(tx, row, action);
      if (action === 'SUBMIT' && kind === 'REPAIR') {
        const mark = (await marksOf(ctx.db, [{ kind: row.recordKind as RecordKind, id: row.recordId }], row.id)).get(
          markKey(row.recordKind, row.recordId),
        )!;
        if (!mark.eligibility.eligible)
          throw badInput('id', 'NOT_ELIGIBLE', `case ${rawId}: ${mark.eligibility.reason}`, {
            ...(mark.eligibility.from ? { allowedFrom: iso(mark.eligibility.from) } : {}),
          });
      }
      if (action === 'EXTEND') {
        if (row.extended) throw conflict('id', 'ALREADY_EXTENDED', `case ${rawId} was extended once already`);
        const n = args.workingDays ?? 0;
        if (!Number.isInteger(n) || n < 1 || n > limits.extendMax)
          throw badInput('workingDays', 'RANGE', `\`workingDays\` must be 1–${limits.extendMax} (configured maximum)`);
        data.extended = true;
        data.dueOn = dueAfter(row.dueOn ?? today, n);
        data.decisionReason = reason;
      } else {
        // The ended stage's days (the clock's working days; a 补正 is its own stage, RETURNED).
        if (to === 'RETURNED') {
          data.returnedFrom = state;
          data.daysLeft = row.dueOn ? Math.max(0, workingDays(today, row.dueOn) ?? 0) : null;
          data.dueOn = null;
          data.decisionReason = reason;
        } else if (action === 'RESUBMIT') {
          data.returnedFrom = null;
          data.dueOn = dueAfter(today, row.daysLeft ?? stageLimit(kind, to, limits) ?? 0);
          data.daysLeft = null;
        } else {
          const limit = stageLimit(kind, to, limits);
          data.dueOn = limit === null ? null : dueAfter(today, limit);
        }
        data.stageStartedAt = now;
      }
      if (action === 'SUBMIT') data.submittedAt = now;
      if (['REFUSE', 'APPROVE', 'DENY', 'CORRECT', 'UPHOLD'].includes(action)) {
        data.decidedAt = now;
        data.decisionReason = reason;
      }
      if (action === 'DENY') data.reapplyFrom = args.reapplyFrom ?? null;
      if (FINAL.includes(to)) data.closedAt = now;
      const updated = await tx.repairCase.update({ where: { id }, data });
      await tx.repairTransition.create({
        data: {
          caseId: id,
          fromState: state,
          toState: to,
          action,
          actor: ctx.identity.actor,
          role: ctx.identity.role,
          department: ctx.identity.department,
          reason,
          stageDays: action === 'EXTEND' ? null : workingDays(row.stageStartedAt, today),
          // The due date before this move overwrites it: a closing decision's overdue flag is restated from it by the
          // metrics snapshot (ADR 0131).
          dueOn: row.dueOn,
          at: now,
        },
      });
      if (action === 'APPROVE')
        await recordEvent(prismaSql(tx), {
          source: 'repair',
          type: 'repair.approved',
          department: row.department,
          subject: row.subjectCode,
          payload: {
            applicationId: rawId,
            queryCode: row.queryCode,
            recordKind: row.recordKind as RecordKind,
            recordId: row.recordId,
            approvedOn: iso(today),
            basis: reason!,
            appliedOn: iso(row.submittedAt ?? now),
          },
        });
      if (action === 'CORRECT' || action === 'UPHOLD')
        await recordEvent(prismaSql(tx), {
          source: 'repair',
          type: 'objection.resolved',
          department: row.department,
          subject: row.subjectCode,
          payload: {
            objectionId: rawId,
            queryCode: row.queryCode,
            recordKind: row.recordKind as RecordKind,
            recordId: row.recordId,
            outcome: action === 'CORRECT' ? 'CORRECTED' : 'UPHELD',
            resolvedOn: iso(today),
            reason: reason!,
          },
        });
      const outcome = CLOSING_OUTCOME[action];
      if (outcome) {
        // The handling time: every stage's working days up to this decision (its transition included, written
        // above), the 补正 (RETURNED) excluded.
        const stages = await tx.repairTransition.findMany({
          where: { caseId: id, action: { not: 'EXTEND' } },
          select: { fromState: true, stageDays: true },
        });
        const days = handlingDays(stages.map((t) => ({ stage: t.fromState as CaseState | null, days: t.stageDays })));
        await recordEvent(
          prismaSql(tx),
          caseClosedEvent({
            caseId: rawId,
            kind,
            recordKind: row.recordKind as RecordKind,
            recordId: row.recordId,
            department: row.department,
            subjectCode: row.subjectCode,
            outcome,
            submittedOn: iso(row.submittedAt ?? now),
            closedOn: iso(today),
            workingDays: days,
            overdue: isOverdue(state, row.dueOn, today),
            extended: row.extended,
          }),
        );
      }
      return updated;
    },
  );
}

/** SUBMIT and FORWARD need the materials on file (形式审查: completeness). */
async function checkMaterials(tx: Context['db']['prisma'], row: RepairCase, action: CaseAction) {
  const files = await tx.repairFile.findMany({ where: { caseId: row.id }, select: { purpose: true } });
  const missing = missingMaterials(
    row.kind as CaseKind,
    row.applicantKind === 'AGENT',
    files.map((f) => f.purpose as FilePurpose),
  );
  if (missing.length)
    throw badInput(
      'id',
      'INCOMPLETE',
      `case ${row.id} cannot ${action === 'SUBMIT' ? 'be submitted' : 'be forwarded'}: missing ${missing.join(', ')}`,
      {
        missing,
      },
    );
}

/** The USCC an enterprise user is bound to; refuses everybody else. */
function enterpriseOf(who: Identity): string {
  if (who.role === 'PUBLIC')
    throw unauthenticated('Applying needs the enterprise signed in (统一身份认证, role enterprise)', 'MISSING');
  if (who.role !== 'ENTERPRISE' || !who.subjectCode)
    throw forbidden('Only an enterprise user signed in as the subject (or its agent) may apply or object', {
      rule: 'APPLICANT_ONLY',
    });
  return who.subjectCode;
}

/** Refuses a caller who is not the actor a move needs, naming who is. */
function requireActor(who: Identity, actor: Actor, row: RepairCase) {
  if (isActor(who, actor, row)) return;
  throw forbidden(
    actor === 'APPLICANT'
      ? 'Only the applicant (the enterprise user bound to the subject) may do this'
      : actor === 'PLATFORM'
        ? 'Only the platform’s officers (信用办, department platform) may do this (形式审查)'
        : `Only officers of the deciding department (${row.department}) may do this: 谁认定、谁修复`,
    { rule: `${actor}_ONLY` },
  );
}
