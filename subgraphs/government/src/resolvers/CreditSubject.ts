import { badInput, requiredFieldsUnavailable } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../__generated__/resolvers-types.ts';
import { evaluateIntegrity, evaluationDate } from '../evaluation.ts';
import { isArrearsOverdue, isGovernmentSubject, startOfToday } from '../rules.ts';

/** The first year an evaluation may be asked for. */
const FIRST_YEAR = 2000;

/**
 * The courts' status arrives in the representation (@requires). When it is missing (the courts did not
 * answer, or the field was resolved without the gateway) the evaluation is refused rather than computed
 * without its largest deduction.
 */
function courtStatusUnavailable(code: string) {
  return requiredFieldsUnavailable(
    `the courts' 失信被执行人 status of ${code} is unavailable (isDishonestDebtor was not provided by the court ` +
      'subgraph): the 政务诚信 evaluation is not computed without it',
    code,
    { departments: ['court'], inputs: ['isDishonestDebtor'] },
  );
}

export const CreditSubject: CreditSubjectResolvers = {
  // No subject rows here: a reference is its own key plus the court's status the gateway passed (no SQL).
  __resolveReference: (ref) => ({ code: ref.code, isDishonestDebtor: ref.isDishonestDebtor }),
  arrearsOwed: async (s, _args, { loaders }) => (await loaders.arrearsBySubject.load(s.code)).owed,
  arrearsOwedToSubject: async (s, _args, { loaders }) => (await loaders.arrearsBySubject.load(s.code)).owedTo,
  commitments: (s, _args, { loaders }) => loaders.commitmentsByBody.load(s.code),
  complaints: (s, _args, { loaders }) => loaders.complaintsByBody.load(s.code),
  integrityEvaluation: async (s, args, { loaders }) => {
    if (!isGovernmentSubject(s.code)) return null;
    const today = startOfToday();
    const current = today.getUTCFullYear();
    const year = args.year ?? current;
    if (year < FIRST_YEAR || year > current)
      throw badInput('year', 'RANGE', `\`year\` must be between ${FIRST_YEAR} and ${current}, got ${year}`);
    // The courts publish the current status only: it counts in the current year's evaluation.
    let isDishonestDebtor: boolean | null = null;
    if (year === current) {
      if (typeof s.isDishonestDebtor !== 'boolean') throw courtStatusUnavailable(s.code);
      isDishonestDebtor = s.isDishonestDebtor;
    }
    const [arrears, commitments, complaints] = await Promise.all([
      loaders.arrearsBySubject.load(s.code).then((a) => a.owed),
      loaders.commitmentsByBody.load(s.code),
      loaders.complaintsByBody.load(s.code),
    ]);
    const asOf = evaluationDate(year, today);
    const result = evaluateIntegrity({ asOf, isDishonestDebtor, arrears, commitments, complaints });
    return { ...result, bodyCode: s.code, year, asOf };
  },
  isClearedOfDishonesty: async (s, _args, { loaders }) => {
    if (!isGovernmentSubject(s.code) || typeof s.isDishonestDebtor !== 'boolean') return null;
    if (s.isDishonestDebtor) return false;
    const today = startOfToday();
    return !(await loaders.arrearsBySubject.load(s.code)).owed.some((a) => isArrearsOverdue(a, today));
  },
};
