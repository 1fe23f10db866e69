import { isString, notFound, readPage, toConnection } from '@credit-hub/kit';
import type {
  CreditEvaluationResolvers,
  EvaluationGradeBandResolvers,
  EvaluationIndicatorGroupResolvers,
  EvaluationIndicatorResolvers,
  EvaluationModelResolvers,
  EvaluationRefreshResolvers,
  InspectionSampleResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../__generated__/resolvers-types.ts';
import { parseDefinitionText } from '../model/definition.ts';
import { describeGroup, describeRule, levelEntries } from '../model/evaluate.ts';
import { activateVersion, checkModelCode, createVersion, findModel, listModels } from '../model/store.ts';
import { drawAndRecord, findDraw, findRefresh, listDraws, recordRefresh } from '../sampling/store.ts';

// Resolvers of the evaluation part (公共信用综合评价, models, 双随机 draws); thin: the rules live in model/ and sampling/.

export const evaluationQuery: QueryResolvers = {
  evaluationModels: (_p, args, { db }) => listModels(db, args.status),
  evaluationModel: (_p, args, { db }) => findModel(db, args.code, args.version),
  inspectionSample: (_p, args, { db }) => findDraw(db, args.id),
  inspectionSamples: async (_p, args, { db }) => {
    const page = readPage(args, isString);
    const rows = await listDraws(db, args.regionCode, page);
    return toConnection(rows, page, (r) => String(r.id));
  },
};

export const evaluationMutation: MutationResolvers = {
  createEvaluationModelVersion: (_p, { input }, ctx) => {
    const code = checkModelCode(input.code, 'input.code');
    const definition = parseDefinitionText(input.definition);
    return ctx.audited({ subjectCode: null, fields: ['Mutation.createEvaluationModelVersion'], detail: code }, (tx) =>
      createVersion(
        tx,
        { code, name: input.name.trim(), subjectKinds: [...new Set(input.subjectKinds)], definition },
        ctx.identity.actor,
      ),
    );
  },
  activateEvaluationModel: (_p, args, ctx) =>
    ctx.audited(
      { subjectCode: null, fields: ['Mutation.activateEvaluationModel'], detail: `${args.code} v${args.version}` },
      (tx) => activateVersion(tx, args.code, args.version),
    ),
  drawInspectionSample: (_p, { input }, ctx) =>
    ctx.audited(
      {
        subjectCode: null,
        fields: ['Mutation.drawInspectionSample'],
        detail: `${input.regionCode} ${input.industryCode ?? '*'} seed=${input.seed}`,
      },
      (tx) => drawAndRecord(tx, input, ctx.identity.actor),
    ),
  recordEvaluationRefresh: (_p, args, ctx) =>
    ctx.audited({ subjectCode: null, fields: ['Mutation.recordEvaluationRefresh'], detail: args.regionCode }, (tx) =>
      recordRefresh(tx, args, ctx.identity.actor),
    ),
};

export const CreditEvaluation: CreditEvaluationResolvers = {
  subject: (e) => ({ code: e.subjectCode }),
  // The access layer audits SHARED reads against the parent's subjectCode, else its `code`: an item's `code`
  // is the indicator's, so each item carries the subject's code for the audit trail.
  explanation: (e) => e.explanation.map((item) => ({ ...item, subjectCode: e.subjectCode })),
  modelCode: (e) => e.model.code,
  modelVersion: (e) => e.model.version,
};

export const EvaluationModel: EvaluationModelResolvers = {
  baseScore: (m) => m.definition.baseScore,
  minScore: (m) => m.definition.minScore,
  maxScore: (m) => m.definition.maxScore,
  indicators: (m) => m.definition.indicators,
  groups: (m) => m.definition.groups,
  grades: (m) => m.definition.grades,
  definitionJson: (m) => JSON.stringify(m.definition),
  subjectKinds: (m) => m.subjectKinds as never,
};

export const EvaluationIndicator: EvaluationIndicatorResolvers = {
  ruleKind: (i) => i.rule.kind,
  points: (i) => (i.rule.kind === 'FLAG' ? i.rule.points : null),
  pointsPerRecord: (i) => (i.rule.kind === 'PER_RECORD' ? i.rule.pointsPerRecord : null),
  cap: (i) => (i.rule.kind === 'PER_RECORD' ? i.rule.cap : null),
  levelPoints: (i) => (i.rule.kind === 'LEVEL' ? levelEntries(i).map(([level, points]) => ({ level, points })) : null),
  otherwisePoints: (i) => (i.rule.kind === 'LEVEL' ? i.rule.otherwise : null),
  rule: (i) => describeRule(i),
  group: (i) => i.group ?? null,
};

export const EvaluationIndicatorGroup: EvaluationIndicatorGroupResolvers = {
  cap: (g) => g.cap ?? null,
  rule: (g) => describeGroup(g),
};

export const EvaluationGradeBand: EvaluationGradeBandResolvers = {};

export const InspectionSample: InspectionSampleResolvers = {
  id: (d) => String(d.id),
  selected: (d) => d.selectedCodes.map((code) => ({ code })),
  unevaluatedSubjectCount: (d) => d.unevaluatedCount,
  refresh: async (d, _args, { db }) => {
    if (d.refreshId === null) return null;
    const refresh = await findRefresh(db, d.refreshId);
    if (!refresh) throw notFound('evaluation refresh', String(d.refreshId));
    return refresh;
  },
};

export const EvaluationRefresh: EvaluationRefreshResolvers = {
  id: (r) => String(r.id),
};
