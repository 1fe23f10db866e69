/**
 * The 双公示 demo data set: penalties and licences of the generated subjects (packages/datagen), stored
 * through the same set-based ingest as every submission — so tiers, publicity windows, person keys and
 * revisions are derived exactly as for real data — then given their reporting dates: most within the 7
 * working days, some late. Every decision is also declared in the departments' decision registers, a few
 * of them never reported, so that 上报率, 合规率 and 及时率 have something to show.
 */
import { demoRecords, type DemoRecord } from '@credit-hub/datagen';
import { prismaSql, upsertRows, type Db } from '@credit-hub/kit/db';
import { AUTHORITIES } from '../authorities/rules.ts';
import { ingestRows, loadValidationContext } from '../intake/writes.ts';
import { DECLARED_DECISIONS } from '../writes.ts';

export interface DisclosureDemoResult {
  penalties: number;
  licences: number;
  quarantined: number;
  declared: number;
  late: number;
  unreported: number;
  ms: number;
}

const CHUNK = 5000;
const keyOf = (r: DemoRecord): [authorityCode: string, documentNumber: string] =>
  r.kind === 'CF' ? [r.raw.CF_CFJGDM!, r.raw.CF_WSH!] : [r.raw.XK_XKJGDM!, r.raw.XK_WSH!];

export async function loadDisclosureDemo(
  db: Db,
  options: { subjects: number; seed: number; personKeySecret: string },
): Promise<DisclosureDemoResult> {
  const started = performance.now();
  const records = [
    ...demoRecords({
      subjects: options.subjects,
      seed: options.seed,
      personKeySecret: options.personKeySecret,
      authorities: AUTHORITIES,
    }),
  ];
  const groups = new Map<string, DemoRecord[]>();
  for (const r of records) {
    if (r.reportedAfterDays === null) continue;
    const key = `${r.kind}:${r.department}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const result: DisclosureDemoResult = {
    penalties: 0,
    licences: 0,
    quarantined: 0,
    declared: 0,
    late: records.filter((r) => (r.reportedAfterDays ?? 0) > 8).length,
    unreported: records.filter((r) => r.reportedAfterDays === null).length,
    ms: 0,
  };
  for (const group of groups.values()) {
    const { kind, department } = group[0]!;
    const context = await loadValidationContext(prismaSql(db.prisma), department, {
      personKeySecret: options.personKeySecret,
    });
    for (let i = 0; i < group.length; i += CHUNK) {
      const chunk = group.slice(i, i + CHUNK);
      const ingested = await db.prisma.$transaction(
        (tx) =>
          ingestRows(
            prismaSql(tx),
            {
              kind,
              rows: chunk.map((r, n) => ({ rowNumber: i + n + 1, raw: r.raw })),
              submitter: { department, subject: 'datagen', channel: 'FILE' },
              submissionId: `demo-${kind}-${department}`,
            },
            context,
          ),
        { timeout: 10 * 60_000 },
      );
      if (kind === 'CF') result.penalties += ingested.accepted + ingested.updated;
      else result.licences += ingested.accepted + ingested.updated;
      result.quarantined += ingested.quarantined;
    }
  }
  // Reporting dates: decision date + the days it took, at 10:00 China time.
  const reported = records.filter((r) => r.reportedAfterDays !== null);
  for (const [kind, table] of [
    ['CF', 'disclosure.penalty'],
    ['XK', 'disclosure.licence'],
  ] as const) {
    const rows = reported.filter((r) => r.kind === kind);
    const params = [
      rows.map((r) => keyOf(r)[0]),
      rows.map((r) => keyOf(r)[1]),
      rows.map((r) => r.decidedOn),
      rows.map((r) => r.reportedAfterDays),
    ];
    const received = `(v.decided + v.days + time '10:00') AT TIME ZONE 'Asia/Shanghai'`;
    const values = `unnest($1::text[], $2::text[], $3::date[], $4::int[]) AS v(authority_code, document_number, decided, days)`;
    await db.prisma.$executeRawUnsafe(
      `UPDATE ${table} t SET first_received_at = ${received}, last_received_at = ${received}
         FROM ${values} WHERE t.authority_code = v.authority_code AND t.document_number = v.document_number`,
      ...params,
    );
    await db.prisma.$executeRawUnsafe(
      `UPDATE disclosure.revision t SET received_at = ${received}
         FROM ${values} WHERE t.kind = '${kind}' AND t.authority_code = v.authority_code AND t.document_number = v.document_number`,
      ...params,
    );
  }
  const declared = await upsertRows(
    prismaSql(db.prisma),
    DECLARED_DECISIONS,
    records.map((r) => {
      const [authorityCode, documentNumber] = keyOf(r);
      return { kind: r.kind, authorityCode, documentNumber, decidedOn: r.decidedOn, department: r.department };
    }),
  );
  result.declared = declared;
  result.ms = Math.round(performance.now() - started);
  return result;
}
