import type { CreditEvaluationResolvers } from '../../__generated__/resolvers-types.ts';

export const CreditEvaluation: CreditEvaluationResolvers = {
  subject: (e) => ({ code: e.subjectCode }),
  // The access layer audits SHARED reads against the parent's subjectCode, else its `code`: an item's `code`
  // is the indicator's, so each item carries the subject's code for the audit trail.
  explanation: (e) => e.explanation.map((item) => ({ ...item, subjectCode: e.subjectCode })),
  modelCode: (e) => e.model.code,
  modelVersion: (e) => e.model.version,
};
