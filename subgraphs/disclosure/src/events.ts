/**
 * 双公示 domain events (docs/events.md), recorded in the same transaction as the change into disclosure.outbox.
 * Intake records `disclosure.record.accepted` / `.revised` per stored row (intake/writes.ts). A repair records
 * `disclosure.record.repaired` and the generic `record.publication.ended` (cause REPAIRED) that other departments
 * and subscribers act on. A penalty whose publicity window ends leaves the public pages by itself (rules.ts
 * `isPublic`); `penaltyPublicityEnded` announces that day once.
 */
import { z } from '@credit-hub/kit';
import type { Sql } from '@credit-hub/kit/db';
import {
  auditRepairAct,
  endingsUpTo,
  recordEvents,
  type ConsumerDefinition,
  type DepartmentSnapshot,
  type NewEvent,
  type RepairApproved,
  type TimeEventRule,
} from '@credit-hub/kit/events';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The two events of a penalty's 信用修复: the department's own report, and the generic end of its publication. */
export const penaltyRepairedEvents = (
  p: { id: bigint; subjectCode: string; department: string; documentNumber: string | null; decidedOn: Date },
  repairedOn: string,
): NewEvent[] => {
  const common = { source: 'disclosure' as const, department: p.department, subject: p.subjectCode };
  return [
    {
      ...common,
      type: 'disclosure.record.repaired',
      payload: {
        kind: 'PENALTY',
        recordId: String(p.id),
        decisionNumber: p.documentNumber ?? '',
        decidedOn: iso(p.decidedOn),
        repairedOn,
      },
    },
    {
      ...common,
      type: 'record.publication.ended',
      payload: { record: 'ADMINISTRATIVE_PENALTY', recordId: String(p.id), endedOn: repairedOn, cause: 'REPAIRED' },
    },
  ];
};

export const penaltyRepaired = (
  sql: Sql,
  p: { id: bigint; subjectCode: string; department: string; documentNumber: string | null; decidedOn: Date },
  repairedOn: string,
) => recordEvents(sql, penaltyRepairedEvents(p, repairedOn));

// The events of the intake and of the decision register, built apart from recording them so the state snapshot
// restates the same ones (docs/adr/0130-snapshots-of-disclosure-and-push.md).

type Wire = 'PENALTY' | 'LICENCE';
/** The stable rule codes of a quarantined row's reasons ([{field, rule, message}]), each once. */
export const ruleCodes = (reasons: unknown): string[] =>
  Array.isArray(reasons)
    ? [...new Set(reasons.map((r) => String((r as { rule?: unknown }).rule ?? '')).filter(Boolean))].slice(0, 50)
    : [];
const wireOf = (kind: 'CF' | 'XK'): Wire => (kind === 'CF' ? 'PENALTY' : 'LICENCE');

/** A stored record: new (`accepted`) or changed (`revised`). */
export const recordStoredEvent = (
  kind: 'CF' | 'XK',
  department: string,
  r: { subjectCode: string; recordId: string; decisionNumber: string; decidedOn: string },
  revised: boolean,
  occurredAt?: Date,
): NewEvent => ({
  source: 'disclosure',
  type: revised ? 'disclosure.record.revised' : 'disclosure.record.accepted',
  department,
  subject: r.subjectCode,
  ...(occurredAt ? { occurredAt } : {}),
  payload: { kind: wireOf(kind), recordId: r.recordId, decisionNumber: r.decisionNumber, decidedOn: r.decidedOn },
});

/** A stored penalty's publicity window and first day of 信用修复 (the repair window keeps them). */
export const penaltyPublishedEvent = (
  department: string,
  r: { subjectCode: string; recordId: string; decidedOn: string; publicityEndsOn: string | null },
  repairableFrom: string | null,
  occurredAt?: Date,
): NewEvent => ({
  source: 'disclosure',
  type: 'record.published',
  department,
  subject: r.subjectCode,
  ...(occurredAt ? { occurredAt } : {}),
  payload: {
    record: 'ADMINISTRATIVE_PENALTY',
    recordId: r.recordId,
    publishedOn: r.decidedOn,
    publicityEndsOn: r.publicityEndsOn,
    repairableFrom,
  },
});

/** A decision's first receipt (valid or not), once per decision by its unique key. */
export const decisionReceivedEvent = (
  kind: 'CF' | 'XK',
  department: string,
  f: {
    authorityCode: string;
    documentNumber: string;
    decidedOn: string | null;
    subject: string | null;
    rules: string[];
    declared: boolean;
  },
  receivedAt: Date,
): NewEvent => ({
  source: 'disclosure',
  type: 'disclosure.decision.received',
  department,
  ...(f.subject ? { subject: f.subject } : {}),
  occurredAt: receivedAt,
  uniqueKey: `disclosure.decision.received:${wireOf(kind)}:${f.authorityCode}:${f.documentNumber}`,
  payload: {
    kind: wireOf(kind),
    authorityCode: f.authorityCode,
    decisionNumber: f.documentNumber,
    decidedOn: f.decidedOn,
    compliant: f.rules.length === 0,
    declared: f.declared,
    rules: f.rules,
  },
});

/** A decision declared in the department's register (应报), once per decision. */
export const decisionDeclaredEvent = (
  department: string,
  r: { kind: 'CF' | 'XK'; authorityCode: string; documentNumber: string; decidedOn: string },
  received: boolean,
  occurredAt?: Date,
): NewEvent => ({
  source: 'disclosure',
  type: 'disclosure.decision.declared',
  department,
  ...(occurredAt ? { occurredAt } : {}),
  uniqueKey: `disclosure.decision.declared:${wireOf(r.kind)}:${r.authorityCode}:${r.documentNumber}`,
  payload: {
    kind: wireOf(r.kind),
    authorityCode: r.authorityCode,
    decisionNumber: r.documentNumber,
    decidedOn: r.decidedOn,
    received,
  },
});

/** A row added to the quarantine. */
export const recordQuarantinedEvent = (
  kind: 'CF' | 'XK',
  department: string,
  q: {
    quarantineId: string;
    authorityCode: string | null;
    documentNumber: string | null;
    decidedOn: string | null;
    rules: string[];
  },
  receivedAt: Date,
): NewEvent => ({
  source: 'disclosure',
  type: 'disclosure.record.quarantined',
  department,
  occurredAt: receivedAt,
  payload: {
    kind: wireOf(kind),
    quarantineId: q.quarantineId,
    authorityCode: q.authorityCode,
    decisionNumber: q.documentNumber?.slice(0, 200) ?? null,
    decidedOn: q.decidedOn,
    rules: q.rules,
  },
});

/** A quarantined row left the backlog: corrected (RESUBMITTED) or its key accepted through another submission. */
export const quarantineResolvedEvent = (
  kind: 'CF' | 'XK',
  department: string,
  q: { quarantineId: string; resolution: 'RESUBMITTED' | 'SUPERSEDED'; recordId: string | null },
  occurredAt?: Date,
): NewEvent => ({
  source: 'disclosure',
  type: 'disclosure.quarantine.resolved',
  department,
  ...(occurredAt ? { occurredAt } : {}),
  uniqueKey: `disclosure.quarantine.resolved:${q.quarantineId}`,
  payload: { kind: wireOf(kind), quarantineId: q.quarantineId, resolution: q.resolution, recordId: q.recordId },
});

/** A penalty is public until `publicity_ends_on` (rules.ts `isPublic`): its publication ends the day after. */
export const penaltyPublicityEnded: TimeEventRule = {
  name: 'disclosure.penalty.publicity-ended',
  source: 'disclosure',
  type: 'record.publication.ended',
  async due(sql, { since, today }) {
    const rows = (await sql.rows(
      `SELECT id::text AS id, subject_code, department, to_char(publicity_ends_on + 1, 'YYYY-MM-DD') AS day
         FROM disclosure.penalty
        WHERE repaired_on IS NULL AND publicity_ends_on IS NOT NULL
          AND publicity_ends_on + 1 > $1::date AND publicity_ends_on + 1 <= $2::date`,
      [iso(since), iso(today)],
    )) as { id: string; subject_code: string; department: string; day: string }[];
    return rows.map((r) => ({
      type: 'record.publication.ended' as const,
      department: r.department,
      subject: r.subject_code,
      endingKey: `ADMINISTRATIVE_PENALTY:${r.id}:${r.day}`,
      payload: {
        record: 'ADMINISTRATIVE_PENALTY' as const,
        recordId: r.id,
        endedOn: r.day,
        cause: 'TERM_ENDED' as const,
      },
    }));
  },
};

export const disclosureTimeRules: readonly TimeEventRule[] = [penaltyPublicityEnded];

/**
 * 信用修复 of a 双公示 penalty approved in the platform's window by the department that reported it ("谁认定、
 * 谁修复"): the disclosure subgraph consumes `repair.approved` and ends the penalty's publicity in its own schema, as
 * `repairPenalty` does, announcing it with `disclosure.record.repaired` and `record.publication.ended` (REPAIRED).
 * Only the reporting department's approval counts; a penalty already repaired is left as it is.
 */
export const disclosureRepairConsumer: ConsumerDefinition = {
  name: 'disclosure.repair',
  types: ['repair.approved'],
  async handle(event, sql) {
    const p = event.payload as RepairApproved;
    if (p.recordKind !== 'ADMINISTRATIVE_PENALTY' || !/^\d{1,18}$/.test(p.recordId)) return;
    const [row] = (await sql.rows(
      `UPDATE disclosure.penalty
          SET repaired_on = $2::date, repair_applied_on = $3::date, repair_reason = $4
        WHERE id = $1::bigint AND department = $5 AND repaired_on IS NULL
        RETURNING id, subject_code AS "subjectCode", department, document_number AS "documentNumber",
                  decided_on AS "decidedOn"`,
      [p.recordId, p.approvedOn, p.appliedOn, `信用修复（查询码 ${p.queryCode}）：${p.basis}`, event.department],
    )) as { id: string; subjectCode: string; department: string; documentNumber: string | null; decidedOn: Date }[];
    if (!row) return;
    await penaltyRepaired(sql, { ...row, id: BigInt(row.id) }, p.approvedOn);
    await auditRepairAct(sql, event, 'disclosure', row.subjectCode, 'Mutation.repairPenalty', `penalty ${p.recordId}`);
  },
};

const kindOf = z.enum(['CF', 'XK']);
const recordRow = z.object({
  kind: kindOf,
  id: z.string(),
  subject_code: z.string(),
  department: z.string(),
  document_number: z.string().nullable(),
  decided_on: z.string(),
  first_received_at: z.date(),
  publicity_ends_on: z.string().nullable(),
  repairable_from: z.string().nullable(),
  repaired_on: z.string().nullable(),
});
const revisionRow = z.object({
  kind: kindOf,
  record_id: z.string(),
  subject_code: z.string(),
  department: z.string(),
  document_number: z.string(),
  decided_on: z.string(),
  received_at: z.date(),
});
const receiptRow = z.object({
  kind: kindOf,
  authority_code: z.string(),
  document_number: z.string(),
  received_at: z.date(),
  subject_code: z.string().nullable(),
  department: z.string(),
  decided_on: z.string().nullable(),
  reasons: z.unknown(),
  declared: z.boolean(),
});
const declaredRow = z.object({
  kind: kindOf,
  authority_code: z.string(),
  document_number: z.string(),
  decided_on: z.string(),
  department: z.string(),
  declared_at: z.date(),
  received: z.boolean(),
});
const quarantineRow = z.object({
  kind: kindOf,
  id: z.string(),
  department: z.string(),
  authority_code: z.string().nullable(),
  document_number: z.string().nullable(),
  decided_on: z.string().nullable(),
  reasons: z.unknown(),
  received_at: z.date(),
  status: z.enum(['OPEN', 'RESUBMITTED', 'SUPERSEDED']),
  resolved_at: z.date().nullable(),
  record_id: z.string().nullable(),
});

/** Every receipt of a decision key: its stored record's first receipt and its quarantined rows (RECEIPTS below). */
const RECEIPTS = `
  SELECT 'CF' AS kind, authority_code, document_number, first_received_at AS received_at, 1 AS rank,
         subject_code, department, decided_on::text AS decided_on, NULL::jsonb AS reasons
    FROM disclosure.penalty
  UNION ALL
  SELECT 'XK', authority_code, document_number, first_received_at, 1, subject_code, department, decided_on::text, NULL
    FROM disclosure.licence
  UNION ALL
  SELECT kind::text, authority_code, document_number, received_at, 0, NULL, department, decided_on::text, reasons
    FROM disclosure.quarantine WHERE authority_code IS NOT NULL AND document_number IS NOT NULL`;

/**
 * The 双公示 intake's state snapshot for a metrics backfill (ADR 0113, ADR 0124, ADR 0130). Restates, from rows the
 * writes never delete:
 * - every stored penalty and licence as accepted at its first receipt, and every later accepted version
 *   (`disclosure.revision` after the record's first) as revised at its receipt; a penalty as published (its current
 *   publicity window), its 信用修复 (`repaired_on`) and the end of its publicity (the publicity-ended rule's own
 *   events up to `today`);
 * - every decision's first receipt (the earliest of its record's first receipt and its quarantined rows; a quarantined
 *   row first when both came in one batch), compliant when that receipt was the stored record, declared when the
 *   register held it before; every declaration, received when a receipt came before it;
 * - every quarantined row at its receipt, and its resolution (RESUBMITTED or SUPERSEDED) at `resolved_at`.
 * Cannot restate: a record's decision date as first received when a revision changed it (the current one is told —
 * no metric of these events reads it but 及时率 of the first receipt); the rules a quarantined row failed at first
 * when a failed resubmission replaced its reasons; the `record.published` the live intake records again for every
 * revised penalty (the snapshot tells a penalty's publication once).
 */
export const disclosureSnapshot: DepartmentSnapshot = async (sql, { today }) => {
  const events: NewEvent[] = [];
  const records = await sql.rows(
    `SELECT 'CF' AS kind, id::text, subject_code, department, document_number, decided_on::text, first_received_at,
            publicity_ends_on::text, repairable_from::text, repaired_on::text
       FROM disclosure.penalty
     UNION ALL
     SELECT 'XK', id::text, subject_code, department, document_number, decided_on::text, first_received_at,
            NULL, NULL, NULL
       FROM disclosure.licence
     ORDER BY 1, 2`,
  );
  for (const raw of records) {
    const r = recordRow.parse(raw);
    const stored = {
      subjectCode: r.subject_code,
      recordId: r.id,
      decisionNumber: r.document_number ?? '',
      decidedOn: r.decided_on,
    };
    events.push(recordStoredEvent(r.kind, r.department, stored, false, r.first_received_at));
    if (r.kind !== 'CF') continue;
    events.push(
      penaltyPublishedEvent(
        r.department,
        { ...stored, publicityEndsOn: r.publicity_ends_on },
        r.repairable_from,
        r.first_received_at,
      ),
    );
    if (r.repaired_on) {
      const penalty = {
        id: BigInt(r.id),
        subjectCode: r.subject_code,
        department: r.department,
        documentNumber: r.document_number,
        decidedOn: new Date(`${r.decided_on}T00:00:00Z`),
      };
      events.push(...penaltyRepairedEvents(penalty, r.repaired_on));
    }
  }
  const revisions = await sql.rows(
    `SELECT v.kind::text AS kind, v.record_id::text, r.subject_code, v.department, v.document_number,
            r.decided_on::text, v.received_at
       FROM (SELECT *, row_number() OVER (PARTITION BY kind, record_id ORDER BY id) AS n FROM disclosure.revision) v
       JOIN (SELECT 'CF' AS kind, id, subject_code, decided_on FROM disclosure.penalty
             UNION ALL SELECT 'XK', id, subject_code, decided_on FROM disclosure.licence) r
         ON r.kind = v.kind::text AND r.id = v.record_id
      WHERE v.n > 1
      ORDER BY v.id`,
  );
  for (const raw of revisions) {
    const v = revisionRow.parse(raw);
    const stored = {
      subjectCode: v.subject_code,
      recordId: v.record_id,
      decisionNumber: v.document_number,
      decidedOn: v.decided_on,
    };
    events.push(recordStoredEvent(v.kind, v.department, stored, true, v.received_at));
  }
  events.push(...(await endingsUpTo(penaltyPublicityEnded, sql, today)));

  const firsts = await sql.rows(
    `SELECT DISTINCT ON (k.kind, k.authority_code, k.document_number) k.*,
            EXISTS (SELECT 1 FROM disclosure.declared_decision x
                     WHERE x.kind::text = k.kind AND x.authority_code = k.authority_code
                       AND x.document_number = k.document_number AND x.declared_at <= k.received_at) AS declared
       FROM (${RECEIPTS}) k
      ORDER BY k.kind, k.authority_code, k.document_number, k.received_at, k.rank`,
  );
  for (const raw of firsts) {
    const f = receiptRow.parse(raw);
    const receipt = {
      authorityCode: f.authority_code,
      documentNumber: f.document_number,
      decidedOn: f.decided_on,
      subject: f.subject_code,
      rules: f.subject_code === null ? ruleCodes(f.reasons) : [],
      declared: f.declared,
    };
    events.push(decisionReceivedEvent(f.kind, f.department, receipt, f.received_at));
  }
  const declared = await sql.rows(
    `SELECT x.kind::text AS kind, x.authority_code, x.document_number, x.decided_on::text, x.department, x.declared_at,
            EXISTS (SELECT 1 FROM (${RECEIPTS}) k
                     WHERE k.kind = x.kind::text AND k.authority_code = x.authority_code
                       AND k.document_number = x.document_number AND k.received_at < x.declared_at) AS received
       FROM disclosure.declared_decision x ORDER BY x.id`,
  );
  for (const raw of declared) {
    const d = declaredRow.parse(raw);
    const decision = {
      kind: d.kind,
      authorityCode: d.authority_code,
      documentNumber: d.document_number,
      decidedOn: d.decided_on,
    };
    events.push(decisionDeclaredEvent(d.department, decision, d.received, d.declared_at));
  }
  const quarantined = await sql.rows(
    `SELECT kind::text AS kind, id::text, department, authority_code, document_number, decided_on::text, reasons,
            received_at, status::text AS status, resolved_at, record_id::text
       FROM disclosure.quarantine ORDER BY id`,
  );
  for (const raw of quarantined) {
    const q = quarantineRow.parse(raw);
    const entry = {
      quarantineId: q.id,
      authorityCode: q.authority_code,
      documentNumber: q.document_number,
      decidedOn: q.decided_on,
      rules: ruleCodes(q.reasons),
    };
    events.push(recordQuarantinedEvent(q.kind, q.department, entry, q.received_at));
    if (q.status !== 'OPEN' && q.resolved_at)
      events.push(
        quarantineResolvedEvent(
          q.kind,
          q.department,
          { quarantineId: q.id, resolution: q.status, recordId: q.record_id },
          q.resolved_at,
        ),
      );
  }
  return events;
};
