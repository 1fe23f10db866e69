/**
 * The environment department's domain events (docs/events.md), recorded in the same transaction as the change into
 * environment.outbox: a rating whose grade changed, and a 环境行政处罚 published.
 */
import { prismaSql, type Db } from '@credit-hub/kit/db';
import { recordEvent } from '@credit-hub/kit/events';

type Tx = Db['prisma'];
const iso = (d: Date) => d.toISOString().slice(0, 10);

export const ratingChanged = (
  tx: Tx,
  r: { id: bigint; subjectCode: string; year: number; grade: string },
  previousGrade: string | null,
) =>
  recordEvent(prismaSql(tx), {
    source: 'environment',
    type: 'rating.changed',
    department: 'environment',
    subject: r.subjectCode,
    payload: {
      scheme: 'ENVIRONMENTAL',
      year: r.year,
      level: r.grade,
      previousLevel: previousGrade,
      ratingId: String(r.id),
    },
  });

export const penaltyPublished = (tx: Tx, p: { id: bigint; subjectCode: string; decidedOn: Date }) =>
  recordEvent(prismaSql(tx), {
    source: 'environment',
    type: 'record.published',
    department: 'environment',
    subject: p.subjectCode,
    payload: {
      record: 'ENVIRONMENTAL_PENALTY',
      recordId: String(p.id),
      publishedOn: iso(p.decidedOn),
      publicityEndsOn: null,
    },
  });
