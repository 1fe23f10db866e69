import { requiredFieldsUnavailable } from '@credit-hub/kit';
import type { CreditSubjectResolvers } from '../../__generated__/resolvers-types.ts';
import { isArrearsOverdue, isGovernmentSubject } from '../../rules.ts';
import { checkEvaluationYear, evaluateIntegrity, evaluationDate } from '../rules.ts';

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

/**
 * The CreditSubject fields that need the courts' status (`@requires(fields: "isDishonestDebtor")`), spread into
 * resolvers/CreditSubject.ts. The parent's `isDishonestDebtor` is typed by the generic CreditSubjectMapper.
 */
export const evaluationSubjectFields: Pick<CreditSubjectResolvers, 'integrityEvaluation' | 'isClearedOfDishonesty'> = {
  integrityEvaluation: async (s, args, { loaders }) => {
    if (!isGovernmentSubject(s.code)) return null;
    const { today } = loaders;
    const year = checkEvaluationYear(args.year, today);
    // The courts publish the current status only: it counts in the current year's evaluation.
    let isDishonestDebtor: boolean | null = null;
    if (year === today.getUTCFullYear()) {
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
    return !(await loaders.arrearsBySubject.load(s.code)).owed.some((a) => isArrearsOverdue(a, loaders.today));
  },
};
