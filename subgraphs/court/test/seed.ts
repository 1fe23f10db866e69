import type { Db, Prisma } from '@credit-hub/kit/db';
import { initSeed } from '@credit-hub/kit/testing';
import { hasTerm, listedUntilOf, TERM_YEARS, type Behaviour } from '../src/rules.ts';

const DAY = 86_400_000;
const WEST_LAKE = '杭州市西湖区人民法院';

type CaseColumns = Prisma.DishonestDebtorCaseCreateManyInput;

/**
 * What a test states about a case: its number, debtor and filing day (YYYY-MM-DD), and any column it cares about.
 * The decision day, the behaviours and the extension decide the term, which is derived, never typed in.
 */
export type CaseSeed = Pick<CaseColumns, 'caseNumber' | 'subjectCode'> &
  Partial<Omit<CaseColumns, 'filedOn' | 'termYears' | 'listedUntil' | 'decidedOn' | 'behaviours'>> & {
    filed: string;
    decidedOn?: Date;
    behaviours?: Behaviour[];
  };

/**
 * The court's rows as the court subgraph writes them, for tests that stand on stored cases: a case is decided 50
 * days after filing and published 10 days later, its term derived from its behaviours by the subgraph's own rule
 * (item (一) alone by default: no term) — so a test cannot store a listing the court would not.
 */
export function courtSeed(db: Db) {
  const seed = initSeed(db);
  return {
    ...seed,
    case: seed.rows('DishonestDebtorCase', ({ filed, ...given }: CaseSeed): CaseColumns => {
      const filedOn = new Date(filed);
      const decidedOn = given.decidedOn ?? new Date(filedOn.getTime() + 50 * DAY);
      const behaviours = given.behaviours ?? ['REFUSING_DESPITE_ABILITY'];
      const termYears = hasTerm(behaviours) ? TERM_YEARS : null;
      const termExtensionYears = given.termExtensionYears ?? 0;
      return {
        debtorKind: 'ORGANISATION',
        debtorName: '杭州鑫达贸易有限公司',
        legalRepresentative: '陈志明',
        regionCode: given.subjectCode.slice(2, 8),
        courtName: WEST_LAKE,
        filedOn,
        basisDocumentNumber: '(2023)浙0106民初5678号',
        basisIssuer: WEST_LAKE,
        obligation: '支付货款人民币358,000元及利息',
        performance: 'NONE_PERFORMED',
        publishedOn: new Date(decidedOn.getTime() + 10 * DAY),
        ...given,
        behaviours,
        decidedOn,
        termYears,
        termExtensionYears,
        listedUntil: listedUntilOf(decidedOn, termYears, termExtensionYears),
      };
    }),
    /** A 限制消费令 issued in a case: in force unless the test says otherwise. */
    restriction: seed.rows(
      'ConsumptionRestriction',
      (
        given: Pick<Prisma.ConsumptionRestrictionCreateManyInput, 'subjectCode' | 'caseNumber'> &
          Partial<Prisma.ConsumptionRestrictionCreateManyInput>,
      ): Prisma.ConsumptionRestrictionCreateManyInput => ({
        courtName: WEST_LAKE,
        restrictedPerson: '陈志明',
        regionCode: given.subjectCode.slice(2, 8),
        issuedOn: new Date('2024-04-02'),
        ...given,
      }),
    ),
  };
}
