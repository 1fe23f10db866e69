/**
 * 政务诚信 domain events (docs/events.md), recorded in the same transaction as the change into government.outbox:
 * an arrear of a body to a market subject is published (政府机构失信: 拖欠中小企业账款), and its publication ends
 * when it is cleared. Commitments and complaints are the office's own work items and make no event.
 */
import { clock } from '@credit-hub/kit';
import { prismaSql, type Db } from '@credit-hub/kit/db';
import { recordEvent } from '@credit-hub/kit/events';

type Tx = Db['prisma'];
const iso = (d: Date) => d.toISOString().slice(0, 10);

export const arrearsPublished = (tx: Tx, a: { id: bigint; debtorCode: string; recordedOn: Date }) =>
  recordEvent(prismaSql(tx), {
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

export const arrearsCleared = (tx: Tx, a: { id: bigint; debtorCode: string; clearedOn: Date | null }) =>
  recordEvent(prismaSql(tx), {
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
