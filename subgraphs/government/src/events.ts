/**
 * 政务诚信 domain events (docs/events.md), recorded in the same transaction as the change into government.outbox:
 * an arrear of a body to a market subject is published (政府机构失信: 拖欠中小企业账款), and its publication ends
 * when it is cleared. Commitments and complaints are the office's own work items and make no event.
 */
import { clock } from '@credit-hub/kit';
import { prismaSql, type Db } from '@credit-hub/kit/db';
import { recordEvent, type DepartmentSnapshot, type NewEvent } from '@credit-hub/kit/events';
import { z } from 'zod';

type Tx = Db['prisma'];
const iso = (d: Date) => d.toISOString().slice(0, 10);

// The events of the office's writes, built apart from recording them so the state snapshot restates the same ones
// (docs/adr/0124-department-snapshots-and-exact-cut.md).
type Published = { id: bigint; debtorCode: string; recordedOn: Date };
type Cleared = { id: bigint; debtorCode: string; clearedOn: Date | null };
export const arrearsPublished = (tx: Tx, a: Published) => recordEvent(prismaSql(tx), arrearsPublishedEvent(a));
export const arrearsCleared = (tx: Tx, a: Cleared) => recordEvent(prismaSql(tx), arrearsClearedEvent(a));

export const arrearsPublishedEvent = (a: Published): NewEvent => ({
  source: 'government',
  type: 'record.published',
  department: 'government',
  subject: a.debtorCode,
  payload: {
    record: 'GOVERNMENT_ARREARS',
    recordId: String(a.id),
    publishedOn: iso(a.recordedOn),
    publicityEndsOn: null,
  },
});

export const arrearsClearedEvent = (a: Cleared): NewEvent => ({
  source: 'government',
  type: 'record.publication.ended',
  department: 'government',
  subject: a.debtorCode,
  payload: {
    record: 'GOVERNMENT_ARREARS',
    recordId: String(a.id),
    endedOn: iso(a.clearedOn ?? clock.today()),
    cause: 'PERFORMED',
  },
});

const date = (v: string) => new Date(`${v}T00:00:00Z`);
const arrearsRow = z.object({
  id: z.string(),
  debtor_code: z.string(),
  recorded_on: z.string(),
  cleared_on: z.string().nullable(),
});

/**
 * The 政务诚信 office's state snapshot for a metrics backfill (ADR 0113, ADR 0124): every arrear of a body
 * (政府机构失信: 拖欠中小企业账款) as published on the day recorded, and its publication ended when cleared (清欠).
 * Arrears are never deleted by the office's writes; commitments and complaints make no event, so none is restated.
 */
export const governmentSnapshot: DepartmentSnapshot = async (sql) => {
  const events: NewEvent[] = [];
  const rows = await sql.rows(
    `SELECT id::text, debtor_code, recorded_on::text, cleared_on::text FROM government.arrears ORDER BY id`,
  );
  for (const raw of rows) {
    const a = arrearsRow.parse(raw);
    const arrears = { id: BigInt(a.id), debtorCode: a.debtor_code, recordedOn: date(a.recorded_on) };
    events.push(arrearsPublishedEvent(arrears));
    if (a.cleared_on) events.push(arrearsClearedEvent({ ...arrears, clearedOn: date(a.cleared_on) }));
  }
  return events;
};
