import type { Db, Prisma } from '@credit-hub/kit/db';
import { initSeed } from '@credit-hub/kit/testing';
import { publicityEnd } from '../src/rules.ts';

const WEST_LAKE_TAX = '国家税务总局杭州市西湖区税务局';

type RatingColumns = Prisma.TaxCreditRatingCreateManyInput;
type ViolationColumns = Prisma.MajorTaxViolationCreateManyInput;

/** What a test states about a rating: the subject, its region, the year, the level and the score. */
export type RatingSeed = Pick<RatingColumns, 'subjectCode' | 'regionCode' | 'year' | 'level'> &
  Partial<Omit<RatingColumns, 'subjectCode' | 'regionCode' | 'year' | 'level'>>;

/** What a test states about a black-list entry: the subject, its region and the publication day (YYYY-MM-DD). */
export type ViolationSeed = Pick<ViolationColumns, 'subjectCode' | 'regionCode'> &
  Partial<Omit<ViolationColumns, 'publishedOn'>> & { published: string };

/**
 * The tax department's rows as the tax subgraph writes them, for tests that stand on stored records: a rating is
 * determined on 20 April after its year (22 April for 2025, a later determination) by the West Lake bureau; an
 * entry's publicity end is derived from its publication by the subgraph's own rule, never typed in (a test may
 * still state one to stand on an older record).
 */
export function taxSeed(db: Db) {
  const seed = initSeed(db);
  return {
    ...seed,
    rating: seed.rows('TaxCreditRating', (given: RatingSeed): RatingColumns => ({
      score: null,
      evaluatedOn: new Date(`${Number(given.year) + 1}-04-${given.year === 2025 ? 22 : 20}`),
      authority: WEST_LAKE_TAX,
      ...given,
    })),
    violation: seed.rows('MajorTaxViolation', ({ published, ...given }: ViolationSeed): ViolationColumns => {
      const publishedOn = new Date(published);
      return {
        taxpayerName: '宁波恒丰五金制品有限公司',
        registeredAddress: '浙江省宁波市鄞州区首南街道天童南路588号',
        responsiblePersonName: '赵国强',
        responsiblePersonSex: '男',
        situation: 'FALSE_SPECIAL_INVOICES',
        mainFacts:
          '经国家税务总局宁波市税务局第一稽查局检查，该单位在2023年1月1日至2023年12月31日期间，虚开增值税专用发票120份，金额1,250万元。',
        legalBasis: '依照《中华人民共和国税收征收管理法》第六十三条、《中华人民共和国发票管理办法》第三十七条的规定',
        penalty: '对其处以没收违法所得并处罚款的行政处罚',
        amountInvolved: 12500000,
        inspectingAuthority: '国家税务总局宁波市税务局第一稽查局',
        authorityCode: seed.uscc('GOVERNMENT_BODY', '330100'),
        decisionServedOn: new Date('2024-03-08'),
        publishedOn,
        publicityEndsOn: publicityEnd(publishedOn),
        ...given,
      };
    }),
  };
}
