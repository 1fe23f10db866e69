import type { Db, Prisma } from '@credit-hub/kit/db';
import { initSeed } from '@credit-hub/kit/testing';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HANGZHOU = '杭州市生态环境局';
const XIHU = '杭州市生态环境局西湖分局';

type RatingColumns = Prisma.EnvironmentalRatingCreateManyInput;
type PenaltyColumns = Prisma.EnvironmentalPenaltyCreateManyInput;
type PermitColumns = Prisma.DischargePermitCreateManyInput;

/**
 * The environment department's rows as the subgraph writes them, for tests that stand on stored records. What a test
 * does not state follows the department's practice: a rating of year Y is published on 20 April of Y+1 with every
 * area scored 80; a row's region is positions 3–8 of the subject's USCC (as `regionFor` derives it).
 */
export function environmentSeed(db: Db) {
  const seed = initSeed(db);
  return {
    ...seed,
    /** A year's 企业环境信用评价 of a subject. */
    rating: seed.rows(
      'EnvironmentalRating',
      (given: Pick<RatingColumns, 'subjectCode' | 'year' | 'grade'> & Partial<RatingColumns>): RatingColumns => ({
        regionCode: given.subjectCode.slice(2, 8),
        industryCode: 'C',
        pollutionPrevention: 80,
        ecologicalProtection: 80,
        environmentalManagement: 80,
        socialSupervision: 80,
        authority: HANGZHOU,
        evaluatedOn: d(`${given.year + 1}-04-20`),
        ...given,
      }),
    ),
    /** A 环境行政处罚 decision (decided on `decided`, YYYY-MM-DD): 超标排放水污染物, 200,000 元 unless stated. */
    penalty: seed.rows(
      'EnvironmentalPenalty',
      ({
        decided,
        ...given
      }: Pick<PenaltyColumns, 'subjectCode' | 'decisionNumber'> &
        Partial<Omit<PenaltyColumns, 'decidedOn'>> & { decided: string }): PenaltyColumns => ({
        regionCode: given.subjectCode.slice(2, 8),
        violationType: '超标排放水污染物',
        facts: '当事人废水总排口化学需氧量浓度为186mg/L，超过《纺织染整工业水污染物排放标准》规定的排放限值。',
        legalBasis: '《中华人民共和国水污染防治法》第八十三条第二项',
        fine: 200000,
        decidedOn: d(decided),
        authority: XIHU,
        ...given,
      }),
    ),
    /** A 排污许可证 numbered `${subjectCode}${sequence}P` (HJ 608-2017), stored VALID unless stated. */
    permit: seed.rows(
      'DischargePermit',
      ({
        sequence = '001',
        ...given
      }: Pick<PermitColumns, 'subjectCode' | 'validFrom' | 'validUntil'> &
        Partial<PermitColumns> & { sequence?: string }): PermitColumns => ({
        regionCode: given.subjectCode.slice(2, 8),
        permitNumber: `${given.subjectCode}${sequence}P`,
        industry: '机制纸及纸板制造',
        authority: HANGZHOU,
        ...given,
      }),
    ),
  };
}
