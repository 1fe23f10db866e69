import {
  badInput,
  checkSubjectCode,
  forbidden,
  notFound,
  notInFuture,
  requiredText,
  toIsoDate,
  z,
  type Identity,
  type SubgraphContext,
} from '@credit-hub/kit';
import { prismaSql, type Db } from '@credit-hub/kit/db';
import { OUTBOX_CHANNEL, recordEvents, toJson, validateEvent } from '@credit-hub/kit/events';
import type { MutationReportBusinessDecisionsArgs, MutationReportCheckFeedbackArgs } from '../__generated__/types.ts';
import { LIST_INFO, type CreditList } from '../catalogue/rules.ts';
import { checkRecordedEvent, decisionReportedEvent, UNCHECKED_WINDOW_DAYS } from '../events.ts';
import type { CheckRow, FeedbackRow } from './mappers.ts';
import { checkId, currentFeedback, inMeasureOrder, loadCheck, type StoredMeasure } from './reads.ts';
import { validateFeedback } from './rules.ts';

type Ctx = SubgraphContext<unknown>;

/**
 * A check to record, with who asked (the identity the gateway signed), the request it came in and the caller's
 * idempotency key (null: every call is a new check).
 */
export interface CheckToRecord {
  row: CheckRow;
  caller: Identity;
  requestId: string;
  idempotencyKey: string | null;
}

type StoredList = { list: CreditList; type: string; department: string };

const recordedRows = z.array(z.object({ requested: z.string(), recorded: z.string().nullable() }));

/**
 * Records the checks of a request in ONE statement (every check resolved in the same tick: a page of N subjects in
 * one `_entities` call) and gives, for each, the id of the check that stands for it: its own, or — when the caller
 * repeats an idempotency key for the same subject and matter — the check recorded first (ADR 0050). The unique
 * index (caller, key, subject, matter) decides; a NULL key never collides. Null when a concurrent request holding
 * the same key recorded its check after this statement began (the caller retries and gets that check).
 */
export async function recordChecks(
  db: Db,
  checks: readonly CheckToRecord[],
  { announce = true }: { announce?: boolean } = {},
): Promise<(string | null)[]> {
  const rows = checks.map(({ row, caller, requestId, idempotencyKey }) => ({
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
    idempotencyKey,
    // Its event (docs/events.md), validated here and stored by the same statement only if the check itself is.
    event: JSON.stringify(
      toJson(
        validateEvent(
          checkRecordedEvent({
            id: row.id,
            department: caller.department,
            subjectCode: row.subjectCode,
            matter: row.matter,
            action: row.action,
            lists: row.lists,
            checkedAt: row.checkedAt,
          }),
        ),
      ),
    ),
  }));
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  // On the pool (counted), not Prisma's raw-query path: fifteen arrays of up to 2,000 values, about 1 MB for a batch of
  // 1,000, cost Prisma's parameter handling more than the insert costs PostgreSQL (ADR 0120).
  const result = await db.sql.rows(
    `WITH input AS (
      SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
        $8::text[], $9::text[], $10::jsonb[], $11::jsonb[], $12::text[], $13::timestamptz[], $14::text[], $15::jsonb[])
        AS u(id, caller_actor, caller_role, caller_department, caller_client, request_id, matter, subject_code,
             reference, lists, measures, action, checked_at, idempotency_key, event)
    ), ins AS (
      INSERT INTO evaluation.credit_check (id, caller_actor, caller_role, caller_department, caller_client, request_id,
                                           matter, subject_code, reference, lists, measures, action, checked_at,
                                           idempotency_key)
      SELECT id, caller_actor, caller_role, caller_department, caller_client, request_id, matter, subject_code,
             reference, lists, measures, action, checked_at, idempotency_key FROM input
      ON CONFLICT (caller_actor, idempotency_key, subject_code, matter) DO NOTHING
      RETURNING id, caller_actor, idempotency_key, subject_code, matter
    ), ev AS (
      -- The outbox row of each check actually stored: in this statement, so a check and its event exist together.
      INSERT INTO evaluation.outbox (id, type, version, subject_code, person_key, department, occurred_at, payload)
      SELECT (e.event->>'id')::uuid, e.event->>'type', (e.event->>'version')::int, e.event->>'subjectCode',
             e.event->>'personKey', e.event->>'department', (e.event->>'occurredAt')::timestamptz, e.event->'payload'
      FROM ins JOIN input e ON e.id = ins.id
      RETURNING 1
    ), announced AS (
      -- Unless the caller announces them later (checks/loaders.ts): delivered at this statement's commit.
      SELECT count(*) AS n FROM (SELECT pg_notify($16, 'evaluation') FROM (SELECT 1 FROM ev LIMIT 1) one
                                  WHERE $17::boolean) x
    )
    SELECT i.id::text AS requested, coalesce(own.id, twin.id, stored.id)::text AS recorded
    FROM announced, input i
    LEFT JOIN ins own ON own.id = i.id
    LEFT JOIN ins twin ON own.id IS NULL AND twin.caller_actor = i.caller_actor
      AND twin.idempotency_key = i.idempotency_key AND twin.subject_code = i.subject_code AND twin.matter = i.matter
    LEFT JOIN evaluation.credit_check stored ON own.id IS NULL AND twin.id IS NULL
      AND stored.caller_actor = i.caller_actor AND stored.idempotency_key = i.idempotency_key
      AND stored.subject_code = i.subject_code AND stored.matter = i.matter`,
    [
      column('id'),
      column('actor'),
      column('role'),
      column('department'),
      column('client'),
      column('requestId'),
      column('matter'),
      column('subjectCode'),
      column('reference'),
      column('lists'),
      column('measures'),
      column('action'),
      column('checkedAt'),
      column('idempotencyKey'),
      column('event'),
      OUTBOX_CHANNEL,
      announce,
    ],
  );
  const recorded = new Map(recordedRows.parse(result).map((r) => [r.requested, r.recorded]));
  return rows.map((r) => recorded.get(r.id) ?? null);
}

/** An idempotency key as given by a client: 1–100 characters after trimming; null when absent. */
export function checkIdempotencyKey(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const key = raw.trim();
  if (key.length < 1 || key.length > 100)
    throw badInput('idempotencyKey', 'LENGTH', '`idempotencyKey` must hold 1–100 characters');
  return key;
}

/**
 * 自动反馈: stores one answer per reported measure (the newest is current; earlier ones stay as history).
 * Only the checking department may answer: its officers and write-scoped systems.
 */
export async function reportCheckFeedback(
  ctx: Ctx,
  { checkId: rawId, items }: MutationReportCheckFeedbackArgs,
): Promise<FeedbackRow[]> {
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

const upserted = z.array(
  z.object({
    id: z.coerce.string(),
    inserted: z.boolean(),
    checked: z.boolean(),
    subject: z.string(),
    matter: z.string(),
    reference: z.string(),
    decidedOn: z.string(),
  }),
);

export { UNCHECKED_WINDOW_DAYS };

/** reportBusinessDecisions: validated first (errors name `decisions[i].field`), then one upsert statement. */
export async function reportBusinessDecisions(
  ctx: Ctx,
  { decisions }: MutationReportBusinessDecisionsArgs,
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
      const result = upserted.parse(
        await tx.$queryRaw<unknown[]>`
        INSERT INTO evaluation.business_decision (department, subject_code, matter, reference, decided_on, reported_by)
        SELECT ${department}::text, u.*, ${ctx.identity.actor}::text FROM unnest(${rows.map((r) => r.subject)}::text[],
          ${rows.map((r) => r.matter)}::text[], ${rows.map((r) => r.reference)}::text[],
          ${rows.map((r) => toIsoDate(r.decidedOn))}::date[]) AS u
        ON CONFLICT (department, matter, reference, subject_code)
          DO UPDATE SET decided_on = EXCLUDED.decided_on, reported_by = EXCLUDED.reported_by, reported_at = now()
        RETURNING id, (xmax = 0) AS inserted, subject_code AS subject, matter::text AS matter, reference,
          to_char(decided_on, 'YYYY-MM-DD') AS "decidedOn",
          EXISTS (SELECT 1 FROM evaluation.credit_check c
                   WHERE c.caller_department = ${department} AND c.subject_code = business_decision.subject_code
                     AND c.matter = business_decision.matter
                     AND (c.checked_at AT TIME ZONE 'Asia/Shanghai')::date
                         BETWEEN business_decision.decided_on - ${UNCHECKED_WINDOW_DAYS}::int AND business_decision.decided_on)
            AS checked`,
      );
      // 应查未查 for the metrics: each decision once, at its first report, with whether a check lay in the window.
      await recordEvents(
        prismaSql(tx),
        result
          .filter((r) => r.inserted)
          .map((r) => decisionReportedEvent({ ...r, department, subjectCode: r.subject })),
      );
      const recorded = result.filter((r) => r.inserted).length;
      return { received: rows.length, recorded, updated: rows.length - recorded };
    },
  );
}
