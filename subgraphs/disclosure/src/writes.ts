/** The mutations' logic: every write bound to the caller's department, run with its audit entry. */
import { randomUUID } from 'node:crypto';
import { badInput, clock, conflict, forbidden, notFound, storableCopy, toIsoDate, z } from '@credit-hub/kit';
import { validateUscc } from '@credit-hub/kit/codes';
import { prismaSql, upsertRows, type Sql, type UpsertTable } from '@credit-hub/kit/db';
import { recordEvent, recordEvents } from '@credit-hub/kit/events';
import type { Context } from './context.ts';
import { inputToRaw } from './format/rules.ts';
import { validateRow } from './intake/rules.ts';
import { ingestRows, loadValidationContext, type IngestResult } from './intake/writes.ts';
import { withKind } from './mappers.ts';
import { repairAllowedFrom, sectorLabel, TIER_LABELS, regimeOn } from './rules.ts';
import type {
  DisclosureKind,
  LicenceInput,
  MutationDeclareDecisionsArgs,
  MutationRepairPenaltyArgs,
  MutationResubmitQuarantinedArgs,
  PenaltyInput,
} from './__generated__/types.ts';
import { decisionDeclaredEvent, penaltyRepaired, quarantineResolvedEvent } from './events.ts';

/** A row as jsonb: kept as received, except characters no database text can hold (the reasons name them). */
const jsonRow = z.record(z.string(), z.json());

/** Largest batch a GraphQL mutation takes; bigger sets go through the bulk import. */
export const MAX_GRAPHQL_ROWS = 1000;

const todayIso = () => toIsoDate(clock.today())!;

/** The department a write is for: the caller's own (officers and write-scoped systems have one). */
export function callerDepartment(ctx: Context): string {
  const department = ctx.identity.department;
  if (!department) throw forbidden('Only a department officer or system may write 双公示 records');
  return department;
}

export interface SubmissionOutcome extends IngestResult {
  submissionId: string;
  recordIds: (string | null)[];
}

const outcome = (submissionId: string, result: IngestResult, rows: number): SubmissionOutcome => {
  const ids = new Map(result.records.map((r) => [r.rowNumber, r.id]));
  return { ...result, submissionId, recordIds: Array.from({ length: rows }, (_, i) => ids.get(i + 1) ?? null) };
};

export async function submitRows(
  ctx: Context,
  kind: DisclosureKind,
  inputs: readonly PenaltyInput[] | readonly LicenceInput[],
) {
  const department = callerDepartment(ctx);
  if (inputs.length === 0) throw badInput('rows', 'REQUIRED', '`rows` must hold at least one row');
  if (inputs.length > MAX_GRAPHQL_ROWS)
    throw badInput(
      'rows',
      'MAX_ROWS',
      `\`rows\` may hold at most ${MAX_GRAPHQL_ROWS} rows; use the bulk import for larger files`,
    );
  const submissionId = randomUUID();
  const mutation = kind === 'CF' ? 'Mutation.submitPenalties' : 'Mutation.submitLicences';
  const result = await ctx.audited(
    { subjectCode: null, fields: [mutation], detail: `submission ${submissionId}: ${inputs.length} row(s)` },
    (tx) =>
      ingestRows(
        prismaSql(tx),
        {
          kind,
          rows: inputs.map((input, i) => ({ rowNumber: i + 1, raw: inputToRaw(kind, input) })),
          submitter: { department, subject: ctx.identity.actor, channel: 'GRAPHQL' },
          submissionId,
        },
        { personKeySecret: ctx.config.personKeySecret },
      ),
  );
  return outcome(submissionId, result, inputs.length);
}

/**
 * Corrects a quarantined row. The correction is validated first: if it still fails, the entry keeps its
 * place (status OPEN) with the new row and reasons — no second entry for the same problem. If it passes, it
 * is stored as a submission of one row and the entry is marked RESUBMITTED, linked to the record.
 */
export async function resubmit(
  ctx: Context,
  { id, penalty, licence }: MutationResubmitQuarantinedArgs,
): Promise<SubmissionOutcome> {
  const department = callerDepartment(ctx);
  if (!/^\d{1,18}$/.test(id)) throw badInput('id', 'FORMAT', '`id` is not a quarantine entry id');
  const entry = await ctx.db.prisma.quarantine.findUnique({ where: { id: BigInt(id) } });
  if (!entry || entry.department !== department) throw notFound('quarantine entry', id);
  if (entry.status !== 'OPEN')
    throw badInput('id', 'NOT_OPEN', `quarantine entry ${id} is ${entry.status}, not OPEN: nothing to correct`);
  const input = entry.kind === 'CF' ? penalty : licence;
  if (!input || (entry.kind === 'CF' ? licence : penalty))
    throw badInput(
      entry.kind === 'CF' ? 'penalty' : 'licence',
      'KIND',
      `entry ${id} is a ${entry.kind === 'CF' ? 'penalty: pass `penalty`' : 'licence: pass `licence`'} only`,
    );
  const kind = entry.kind;
  const raw = inputToRaw(kind, input);
  const submissionId = `resubmit-${id}-${randomUUID()}`;
  return ctx.audited(
    { subjectCode: null, fields: ['Mutation.resubmitQuarantined'], detail: `quarantine ${id} → ${submissionId}` },
    async (tx) => {
      const sql = prismaSql(tx);
      const validation = await loadValidationContext(sql, department, { personKeySecret: ctx.config.personKeySecret });
      const checked = validateRow(kind, raw, validation);
      if (!checked.ok) {
        await tx.quarantine.update({
          where: { id: entry.id },
          data: { original: jsonRow.parse(storableCopy(raw)), reasons: checked.reasons.map((r) => ({ ...r })) },
        });
        return {
          submissionId: entry.submissionId,
          received: 1,
          accepted: 0,
          updated: 0,
          unchanged: 0,
          quarantined: 1,
          reasons: [{ rowNumber: entry.rowNumber, reasons: checked.reasons }],
          records: [],
          recordIds: [null],
        };
      }
      const result = await ingestRows(
        sql,
        {
          kind,
          rows: [{ rowNumber: 1, raw }],
          submitter: { department, subject: ctx.identity.actor, channel: 'GRAPHQL' },
          submissionId,
          resubmitting: id,
        },
        validation,
      );
      await tx.quarantine.update({
        where: { id: entry.id },
        data: { status: 'RESUBMITTED', resolvedAt: clock.now(), recordId: BigInt(result.records[0]!.id) },
      });
      // Leaves the backlog once (ingestRows announced it already when the corrected row kept the entry's key).
      await recordEvent(
        sql,
        quarantineResolvedEvent(entry.kind, entry.department, {
          quarantineId: id,
          resolution: 'RESUBMITTED',
          recordId: result.records[0]!.id,
        }),
      );
      return outcome(submissionId, result, 1);
    },
  );
}

/** The decision register (决定台账): one row per decision; a decision declared twice keeps its first declaration. */
export const DECLARED_DECISIONS: UpsertTable<{
  kind: DisclosureKind;
  authorityCode: string;
  documentNumber: string;
  decidedOn: string;
  department: string;
}> = {
  table: 'disclosure.declared_decision',
  columns: {
    kind: { type: 'disclosure."DisclosureKind"', value: (d) => d.kind },
    authority_code: { type: 'text', value: (d) => d.authorityCode },
    document_number: { type: 'text', value: (d) => d.documentNumber },
    decided_on: { type: 'date', value: (d) => d.decidedOn },
    department: { type: 'text', value: (d) => d.department },
  },
  key: ['kind', 'authority_code', 'document_number'],
  onConflict: 'nothing',
};

/** Which of these decisions the intake has already received (stored or quarantined): one statement. */
async function receivedKeys(
  sql: Sql,
  rows: readonly { kind: DisclosureKind; authorityCode: string; documentNumber: string }[],
): Promise<Set<string>> {
  const found = z.array(z.object({ key: z.string() })).parse(
    await sql.rows(
      `SELECT k.kind || ':' || k.a || ':' || k.d AS key
           FROM unnest($1::text[], $2::text[], $3::text[]) AS k(kind, a, d)
          WHERE (k.kind = 'CF' AND EXISTS (SELECT 1 FROM disclosure.penalty r WHERE r.authority_code = k.a AND r.document_number = k.d))
             OR (k.kind = 'XK' AND EXISTS (SELECT 1 FROM disclosure.licence r WHERE r.authority_code = k.a AND r.document_number = k.d))
             OR EXISTS (SELECT 1 FROM disclosure.quarantine q
                         WHERE q.kind::text = k.kind AND q.authority_code = k.a AND q.document_number = k.d)`,
      [rows.map((r) => r.kind), rows.map((r) => r.authorityCode), rows.map((r) => r.documentNumber)],
    ),
  );
  return new Set(found.map((f) => f.key));
}

export async function declare(ctx: Context, { decisions }: MutationDeclareDecisionsArgs) {
  const department = callerDepartment(ctx);
  if (decisions.length === 0 || decisions.length > 5000)
    throw badInput('decisions', 'RANGE', '`decisions` must hold between 1 and 5000 decisions');
  const authorities = await ctx.db.prisma.authority.findMany({
    where: { code: { in: [...new Set(decisions.map((d) => d.authorityCode.trim().toUpperCase()))] } },
  });
  const byCode = new Map(authorities.map((a) => [a.code, a]));
  const today = todayIso();
  const rows = decisions.map((d, i) => {
    const field = `decisions[${i}]`;
    const code = d.authorityCode.trim().toUpperCase();
    const checked = validateUscc(code);
    if (!checked.valid)
      throw badInput(
        `${field}.authorityCode`,
        `USCC_${checked.reason}`,
        `\`${field}.authorityCode\`: ${checked.message}`,
      );
    const authority = byCode.get(code);
    if (!authority)
      throw badInput(
        `${field}.authorityCode`,
        'AUTHORITY_UNKNOWN',
        `\`${field}.authorityCode\` ${code} is not in the authority register`,
      );
    if (authority.department !== department)
      throw badInput(
        `${field}.authorityCode`,
        'AUTHORITY_DEPARTMENT',
        `\`${field}.authorityCode\` ${code} belongs to ${authority.department}, not to ${department}`,
      );
    const documentNumber = d.documentNumber.trim();
    if (!documentNumber || documentNumber.length > 128)
      throw badInput(`${field}.documentNumber`, 'LENGTH', `\`${field}.documentNumber\` must hold 1–128 characters`);
    const decidedOn = toIsoDate(d.decidedOn)!;
    if (decidedOn > today)
      throw badInput(`${field}.decidedOn`, 'NOT_IN_FUTURE', `\`${field}.decidedOn\` must not be in the future`);
    return { kind: d.kind, authorityCode: code, documentNumber, decidedOn, department };
  });
  return ctx.audited(
    { subjectCode: null, fields: ['Mutation.declareDecisions'], detail: `${rows.length} decision(s)` },
    async (tx) => {
      const sql = prismaSql(tx);
      const received = await receivedKeys(sql, rows);
      const inserted = await upsertRows(sql, DECLARED_DECISIONS, rows);
      // Each decision's declaration once (its unique key; a decision declared twice keeps its first declaration).
      await recordEvents(
        sql,
        rows.map((r) =>
          decisionDeclaredEvent(department, r, received.has(`${r.kind}:${r.authorityCode}:${r.documentNumber}`)),
        ),
      );
      return { declared: inserted, alreadyDeclared: rows.length - inserted };
    },
  );
}

/**
 * 信用修复: "谁认定、谁修复" — only the department that reported the penalty ends its publicity, and only once the
 * minimum publicity has passed on the day the subject applied (最短公示期届满后方可申请), under the rules of
 * src/rules.ts. `appliedOn` defaults to `repairedOn`.
 */
export async function repair(
  ctx: Context,
  { id, repairedOn, reason, appliedOn: appliedOnInput }: MutationRepairPenaltyArgs,
) {
  const department = callerDepartment(ctx);
  if (!/^\d{1,18}$/.test(id)) throw badInput('id', 'FORMAT', '`id` is not a penalty id');
  const text = reason.trim();
  if (!text || text.length > 1000) throw badInput('reason', 'LENGTH', '`reason` must hold 1–1000 characters');
  const penalty = await ctx.db.prisma.penalty.findUnique({ where: { id: BigInt(id) } });
  if (!penalty) throw notFound('penalty', id);
  if (penalty.department !== department)
    throw forbidden(`penalty ${id} was reported by ${penalty.department}: only that department may repair it`);
  const on = toIsoDate(repairedOn)!;
  const decidedOn = toIsoDate(penalty.decidedOn)!;
  const appliedOn = appliedOnInput ? toIsoDate(appliedOnInput)! : on;
  const field = appliedOnInput ? 'appliedOn' : 'repairedOn';
  if (on > todayIso()) throw badInput('repairedOn', 'NOT_IN_FUTURE', '`repairedOn` must not be in the future');
  if (appliedOn > on) throw badInput('appliedOn', 'NOT_AFTER_REPAIR', '`appliedOn` must not be after `repairedOn`');
  if (appliedOn < decidedOn)
    throw badInput(field, 'NOT_BEFORE_DECISION', `\`${field}\` must not be before the decision date ${decidedOn}`);
  if (penalty.repairedOn) throw conflict('id', 'ALREADY_REPAIRED', `penalty ${id} was repaired already`);
  const facts = { decidedOn, tier: penalty.tier, sector: penalty.sector };
  const allowedFrom = repairAllowedFrom(facts, appliedOn);
  if (allowedFrom !== appliedOn) {
    const rule = regimeOn(appliedOn);
    const sector = sectorLabel(penalty.sector);
    throw badInput(
      field,
      'BEFORE_MINIMUM_PUBLICITY',
      `penalty ${id} (${TIER_LABELS[penalty.tier]}失信信息${sector ? `, ${sector}领域` : ''}, decided on ${decidedOn}) ` +
        `may be repaired only after its minimum publicity (最短公示期) under 《${rule.title}》（${rule.number}）: ` +
        `repair may be applied for from ${allowedFrom}, not on ${appliedOn}`,
      { allowedFrom },
    );
  }
  const updated = await ctx.audited(
    { subjectCode: penalty.subjectCode, fields: ['Mutation.repairPenalty'], detail: `penalty ${id}` },
    async (tx) => {
      const repaired = await tx.penalty.update({
        where: { id: penalty.id },
        data: { repairedOn, repairAppliedOn: new Date(`${appliedOn}T00:00:00Z`), repairReason: text },
      });
      await penaltyRepaired(prismaSql(tx), repaired, on);
      return repaired;
    },
  );
  return withKind(updated);
}
