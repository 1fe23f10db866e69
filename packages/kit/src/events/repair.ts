/**
 * What every department's consumer of `repair.approved` shares (docs/rules/repair.md, "Propagation"): the identity
 * its audit entry names, and the payload typed. The act itself is the department's own, in its own schema
 * (subgraphs/<department>/src/events.ts); nothing here writes anywhere.
 */
import { appendAuditIn } from '../access/audit.ts';
import type { Identity } from '../access/identity.ts';
import type { Sql } from '../db/sql.ts';
import type { PayloadOf } from './catalogue.ts';
import type { DeliveredEvent } from './envelope.ts';

export type RepairApproved = PayloadOf<'repair.approved'>;

/** The department's system acting on the window's event: audited as that department's SYSTEM, event id as request. */
export const repairActor = (department: string): Identity => ({
  actor: `event:repair.approved`,
  role: 'SYSTEM',
  department,
  scopes: ['write'],
  purpose: '信用修复（信用中国总窗口转来的修复决定）',
  client: 'event-backbone',
});

/** Audits the department's repair act in the consumer's transaction (commits or rolls back with it). */
export const auditRepairAct = (
  sql: Sql,
  event: DeliveredEvent,
  subgraph: string,
  subjectCode: string,
  field: string,
  detail: string,
) =>
  appendAuditIn(sql, repairActor(event.department), { requestId: event.id, subgraph }, [
    { action: 'WRITE', subjectCode, fields: [field], detail },
  ]);
