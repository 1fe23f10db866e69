import { clock } from '@credit-hub/kit';
import { randomUUID } from 'node:crypto';
import {
  badInput,
  checkSubjectCode,
  chinaToday,
  DEPARTMENTS,
  requiredFieldsUnavailable,
  requireLevel,
  toIsoDate,
} from '@credit-hub/kit';
import type {
  AppliedMeasureResolvers,
  CreditCheckResolvers,
  CreditCheckStatisticsResolvers,
  CreditListInfoResolvers,
  CreditSubjectResolvers,
  MeasureResolvers,
  MutationResolvers,
  QueryResolvers,
  UncheckedDecisionResolvers,
  UnpunishedMeasureResolvers,
} from '../__generated__/resolvers-types.ts';
import {
  ACTION_LABELS,
  CREDIT_LISTS,
  LIST_INFO,
  LIST_TYPE_LABELS,
  MATTER_LABELS,
  MEASURE_KIND_LABELS,
  type ListFlag,
} from '../catalogue/lists.ts';
import { citation, CITATION_STATUS_LABELS, type CitationStatus } from '../catalogue/model.ts';
import { createMeasure, measureVersions, retireMeasure, reviseMeasure } from '../catalogue/store.ts';
import type { CheckRow } from './model.ts';
import { evaluateCheck, listsOf, type ListFlags } from './rules.ts';
import {
  checkId,
  checkStatistics,
  inMeasureOrder,
  loadCheck,
  recordDecisions,
  recordFeedback,
  uncheckedDecisions,
  unpunishedMeasures,
} from './store.ts';

/** Most codes a batch check takes: 2,000 codes fit the gateway's 100 KB body limit with room to spare. */
export const MAX_BATCH_CODES = 2000;

const legalBasis = (m: {
  basisTitle: string;
  basisNumber: string | null;
  basisArticle: string | null;
  basisVerification?: CitationStatus;
  basisSources?: string[];
  basisNote?: string | null;
}) => {
  // A check recorded before verification statuses were kept reads as not verified.
  const status = m.basisVerification ?? 'TO_VERIFY';
  return {
    title: m.basisTitle,
    documentNumber: m.basisNumber,
    article: m.basisArticle,
    citation: citation(m),
    verification: {
      status,
      statusLabel: CITATION_STATUS_LABELS[status],
      sources: m.basisSources ?? [],
      note: m.basisNote ?? null,
    },
  };
};

function flagsUnavailable(code: string, missing: ListFlag[]) {
  const departments = [...new Set(missing.map((f) => CREDIT_LISTS.find((l) => LIST_INFO[l].flag === f)!))].map(
    (l) => LIST_INFO[l].department,
  );
  return requiredFieldsUnavailable(
    `the credit check of ${code} is refused: the list status ${missing.join(', ')} did not arrive from ` +
      `${[...new Set(departments)].join(', ')}; a check is never answered without every list`,
    code,
    { missing },
  );
}

/** CreditSubject.creditCheck: thin — rules in rules.ts, recording in store.ts. */
export const checkSubjectFields: Pick<CreditSubjectResolvers, 'creditCheck'> = {
  creditCheck: async (subject, { matter, reference }, ctx) => {
    const ref = reference?.trim() || null;
    if (ref && ref.length > 200) throw badInput('reference', 'LENGTH', '`reference` may hold at most 200 characters');
    // The departments' flags arrive in the representation (@requires); they are not in the mapper type.
    const { lists, missing } = listsOf(subject as unknown as ListFlags);
    if (missing.length > 0) throw flagsUnavailable(subject.code, missing);
    const outcome = evaluateCheck(lists, matter, await ctx.loaders.catalogue());
    const row: CheckRow = {
      id: randomUUID(),
      subjectCode: subject.code,
      matter,
      reference: ref,
      ...outcome,
      department: ctx.identity.department,
      checkedAt: clock.now(),
      fresh: true,
    };
    await ctx.loaders.recordCheck.load({ row, caller: ctx.identity, requestId: ctx.requestId });
    return row;
  },
};

export const checkQuery: Pick<
  QueryResolvers,
  | 'measures'
  | 'measure'
  | 'measureHistory'
  | 'creditLists'
  | 'creditCheckSubjects'
  | 'creditCheckRecord'
  | 'creditCheckStatistics'
  | 'unpunishedMeasures'
  | 'uncheckedDecisions'
> = {
  measures: async (_root, { list, matter, kind, includeRetired }, { loaders }) =>
    (await loaders.catalogue()).filter(
      (m) =>
        (includeRetired || m.status === 'ACTIVE') &&
        (!list || m.lists.includes(list)) &&
        (!matter || m.matters.includes(matter)) &&
        (!kind || m.kind === kind),
    ),
  measure: async (_root, { code }, { loaders }) =>
    (await loaders.catalogue()).find((m) => m.code === code.trim().toUpperCase()) ?? null,
  measureHistory: (_root, { code }, { db }) => measureVersions(db.prisma, code.trim().toUpperCase()),
  creditLists: () => CREDIT_LISTS.map((l) => LIST_INFO[l]),
  creditCheckSubjects: (_root, { codes }) => {
    if (codes.length === 0) throw badInput('codes', 'REQUIRED', '`codes` must hold at least one code');
    if (codes.length > MAX_BATCH_CODES)
      throw badInput('codes', 'LENGTH', `\`codes\` may hold at most ${MAX_BATCH_CODES} codes, got ${codes.length}`, {
        max: MAX_BATCH_CODES,
      });
    return codes.map((code, i) => ({ code: checkSubjectCode(code, `codes[${i}]`) }));
  },
  creditCheckRecord: async (_root, { id }, ctx) => {
    const check = await loadCheck(ctx.db.prisma, checkId(id, 'id'));
    if (!check) return null;
    // A department sees its own checks; supervisors every department's.
    if (check.department !== ctx.identity.department) requireLevel(ctx, 'SUPERVISOR', 'another department’s check');
    return check;
  },
  creditCheckStatistics: (_root, { from, to, department, matter, groupBy }, { db }) =>
    checkStatistics(db.prisma, { from, to, department, matter, groupBy: groupBy ?? 'MONTH' }),
  unpunishedMeasures: (_root, { from, to, department, matter, workingDays }, { db }) =>
    unpunishedMeasures(db.prisma, { from, to, department, matter, workingDays: workingDays ?? 5, today: chinaToday() }),
  uncheckedDecisions: (_root, { from, to, department, matter, days }, { db }) =>
    uncheckedDecisions(db.prisma, { from, to, department, matter, days: days ?? 30 }),
};

export const checkMutation: Pick<
  MutationResolvers,
  'createMeasure' | 'reviseMeasure' | 'retireMeasure' | 'reportCheckFeedback' | 'reportBusinessDecisions'
> = {
  createMeasure: (_root, { input }, ctx) => createMeasure(ctx, input),
  reviseMeasure: (_root, { input }, ctx) => reviseMeasure(ctx, input),
  retireMeasure: (_root, { code, changeNote }, ctx) => retireMeasure(ctx, code, changeNote),
  reportCheckFeedback: (_root, { checkId: id, items }, ctx) => recordFeedback(ctx, id, items),
  reportBusinessDecisions: (_root, { decisions }, ctx) => recordDecisions(ctx, decisions),
};

export const Measure: MeasureResolvers = {
  kindLabel: (m) => MEASURE_KIND_LABELS[m.kind],
  legalBasis: (m) => legalBasis(m),
  changedAt: (m) => m.createdAt,
};

export const AppliedMeasure: AppliedMeasureResolvers = {
  kindLabel: (m) => MEASURE_KIND_LABELS[m.kind],
  legalBasis: (m) => legalBasis(m),
};

const departmentLabel = (code: string) => DEPARTMENTS[code as keyof typeof DEPARTMENTS] ?? code;

export const CreditListInfo: CreditListInfoResolvers = {
  typeLabel: (l) => LIST_TYPE_LABELS[l.type],
  departmentLabel: (l) => departmentLabel(l.department),
};

export const CreditCheck: CreditCheckResolvers = {
  subject: (c) => ({ code: c.subjectCode }),
  matterLabel: (c) => MATTER_LABELS[c.matter],
  lists: (c) => c.lists.map((l) => LIST_INFO[l]),
  actionLabel: (c) => ACTION_LABELS[c.action],
  // A check made in this request has no feedback yet: no statement for it.
  feedback: async (c, _args, { loaders }) =>
    c.fresh ? [] : inMeasureOrder(c, await loaders.feedbackByCheck.load(c.id)),
};

export const CreditCheckStatistics: CreditCheckStatisticsResolvers = {
  period: (s) => (s.unit === 'DAY' ? toIsoDate(s.periodStart)! : toIsoDate(s.periodStart)!.slice(0, 7)),
  matterLabel: (s) => MATTER_LABELS[s.matter],
};

export const UnpunishedMeasure: UnpunishedMeasureResolvers = {
  subject: (u) => ({ code: u.subjectCode }),
};

export const UncheckedDecision: UncheckedDecisionResolvers = {
  id: (d) => d.id.toString(),
  subject: (d) => ({ code: d.subjectCode }),
  matterLabel: (d) => MATTER_LABELS[d.matter],
};
