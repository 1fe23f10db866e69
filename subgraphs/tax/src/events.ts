/**
 * The tax department's time-made events (docs/events.md). Its writes record their events themselves (writes.ts:
 * rating.changed, list.entry.added/removed). A 重大税收违法失信主体 entry is published until `publicity_ends_on`
 * (rules.ts `entryStatus`) and leaves the list by itself the day after; `publicityEnded` announces that day once.
 */
import type { TimeEventRule } from '@credit-hub/kit/events';

const iso = (d: Date) => d.toISOString().slice(0, 10);

export const publicityEnded: TimeEventRule = {
  name: 'tax.major-violation.publicity-ended',
  source: 'tax',
  type: 'list.entry.removed',
  async due(sql, { since, today }) {
    const rows = (await sql.rows(
      `SELECT id::text AS id, subject_code, to_char(publicity_ends_on + 1, 'YYYY-MM-DD') AS day
         FROM tax.major_violation
        WHERE status <> 'REMOVED' AND publicity_ends_on + 1 > $1::date AND publicity_ends_on + 1 <= $2::date`,
      [iso(since), iso(today)],
    )) as { id: string; subject_code: string; day: string }[];
    return rows.map((r) => ({
      type: 'list.entry.removed' as const,
      department: 'tax',
      subject: r.subject_code,
      endingKey: `MAJOR_TAX_VIOLATOR:${r.id}:${r.day}`,
      payload: {
        list: 'MAJOR_TAX_VIOLATOR' as const,
        entryId: r.id,
        removedOn: r.day,
        cause: 'TERM_ENDED' as const,
        ground: null,
      },
    }));
  },
};

export const taxTimeRules: readonly TimeEventRule[] = [publicityEnded];
