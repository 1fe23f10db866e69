/**
 * The repair subgraph's pure rules: no I/O, no GraphQL (unit-tested in rules.test.ts beside this file).
 */

/** Newest decision first; the later record first on the same day. */
export const byNewestDecision = (a: { decidedOn: Date; id: bigint }, b: { decidedOn: Date; id: bigint }): number =>
  b.decidedOn.getTime() - a.decidedOn.getTime() || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0);
