/**
 * Market supervision's domain events (docs/events.md), recorded in the same transaction as the change into
 * market.outbox: 经营异常名录 / 经营异常状态 and 严重违法失信名单 entries added and removed. A 严重违法失信 entry
 * whose term ends leaves the list by itself (serious/rules.ts); `seriousTermEnded` announces that day once.
 */
import { clock } from '@credit-hub/kit';
import { prismaSql, type Db } from '@credit-hub/kit/db';
import { recordEvent, type TimeEventRule } from '@credit-hub/kit/events';

type Tx = Db['prisma'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
type Cause = 'REMOVED' | 'WITHDRAWN' | 'REPAIRED';

export const entryAdded = (
  tx: Tx,
  list: 'ABNORMAL_OPERATION' | 'SERIOUS_ILLEGAL',
  e: { id: bigint; subjectCode: string; listedOn: Date; listingAuthority: string },
  endsOn: Date | null,
) =>
  recordEvent(prismaSql(tx), {
    source: 'market',
    type: 'list.entry.added',
    department: 'market',
    subject: e.subjectCode,
    payload: {
      list,
      entryId: String(e.id),
      listedOn: iso(e.listedOn),
      endsOn: endsOn ? iso(endsOn) : null,
      authority: e.listingAuthority,
    },
  });

export const entryRemoved = (
  tx: Tx,
  list: 'ABNORMAL_OPERATION' | 'SERIOUS_ILLEGAL',
  e: { id: bigint; subjectCode: string; removedOn: Date | null },
  cause: Cause,
  ground: string | null,
) =>
  recordEvent(prismaSql(tx), {
    source: 'market',
    type: 'list.entry.removed',
    department: 'market',
    subject: e.subjectCode,
    payload: { list, entryId: String(e.id), removedOn: iso(e.removedOn ?? clock.today()), cause, ground },
  });

/** An entry in force leaves the 严重违法失信名单 the day after `expires_on` (serious/rules.ts `seriousStatus`). */
export const seriousTermEnded: TimeEventRule = {
  name: 'market.serious-illegal.term-ended',
  source: 'market',
  type: 'list.entry.removed',
  async due(sql, { since, today }) {
    const rows = (await sql.rows(
      `SELECT id::text AS id, subject_code, to_char(expires_on + 1, 'YYYY-MM-DD') AS day
         FROM market.serious_illegal_listing
        WHERE status = 'LISTED' AND expires_on + 1 > $1::date AND expires_on + 1 <= $2::date`,
      [iso(since), iso(today)],
    )) as { id: string; subject_code: string; day: string }[];
    return rows.map((r) => ({
      type: 'list.entry.removed' as const,
      department: 'market',
      subject: r.subject_code,
      endingKey: `SERIOUS_ILLEGAL:${r.id}:${r.day}`,
      payload: {
        list: 'SERIOUS_ILLEGAL' as const,
        entryId: r.id,
        removedOn: r.day,
        cause: 'TERM_ENDED' as const,
        ground: null,
      },
    }));
  },
};

export const marketTimeRules: readonly TimeEventRule[] = [seriousTermEnded];
