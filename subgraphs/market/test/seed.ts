import type { Db, Prisma } from '@credit-hub/kit/db';
import { initSeed } from '@credit-hub/kit/testing';
import { abnormalKindFor } from '../src/abnormal/rules.ts';
import { seriousExpiry } from '../src/serious/rules.ts';

const XIHU = '杭州市西湖区市场监督管理局';
const SCOPE = '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务';
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

type RegistrationColumns = Prisma.RegistrationCreateManyInput;
type AbnormalColumns = Prisma.AbnormalOperationCreateManyInput;
type SeriousColumns = Prisma.SeriousIllegalListingCreateManyInput;

/** What a test states about a registration: the subject and any column it cares about. */
export type RegistrationSeed = Pick<RegistrationColumns, 'subjectCode'> & Partial<RegistrationColumns>;
/** What a test states about an entry: the subject, the listing day (YYYY-MM-DD) and any column it cares about. */
export type AbnormalSeed = Pick<AbnormalColumns, 'subjectCode'> &
  Partial<Omit<AbnormalColumns, 'listedOn'>> & {
    listed: string;
  };
export type SeriousSeed = Pick<SeriousColumns, 'subjectCode'> &
  Partial<Omit<SeriousColumns, 'listedOn'>> & {
    listed: string;
  };

/**
 * The market department's rows as the market subgraph writes them, for tests that stand on stored records: the
 * region is the registration's (here the USCC's division), an entry is a listing or a mark by the subject's kind
 * (abnormalKindFor), and a 严重违法失信名单 entry's last day is derived from its listing by the subgraph's own rule
 * (seriousExpiry) — so a test cannot store an entry the subgraph would not.
 */
export function marketSeed(db: Db) {
  const seed = initSeed(db);
  return {
    ...seed,
    registration: seed.rows('Registration', (given: RegistrationSeed): RegistrationColumns => ({
      name: '杭州云栖数智科技有限公司',
      entityType: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '陈建华',
      establishedOn: date('2019-03-12'),
      registeredCapital: 500,
      businessScope: SCOPE,
      address: '浙江省杭州市西湖区文三路478号华星时代广场A座1203室',
      registrationAuthority: XIHU,
      regionCode: given.subjectCode.slice(2, 8),
      approvedOn: date('2023-08-15'),
      ...given,
    })),
    annualReport: seed.rows('AnnualReport', (given: Prisma.AnnualReportCreateManyInput) => given),
    abnormal: seed.rows('AbnormalOperation', ({ listed, ...given }: AbnormalSeed): AbnormalColumns => ({
      regionCode: given.subjectCode.slice(2, 8),
      kind: abnormalKindFor(given.subjectCode),
      reason: 'ANNUAL_REPORT_NOT_FILED',
      listingAuthority: XIHU,
      listingDocument: `西市监异列字〔${listed.slice(0, 4)}〕第${listed.slice(5, 7)}${listed.slice(8)}号`,
      listedOn: date(listed),
      ...given,
    })),
    serious: seed.rows('SeriousIllegalListing', ({ listed, ...given }: SeriousSeed): SeriousColumns => {
      const listedOn = date(listed);
      const measuresEndOn = given.measuresEndOn ? new Date(given.measuresEndOn) : null;
      return {
        regionCode: given.subjectCode.slice(2, 8),
        penaltyKind: 'HEAVY_FINE',
        penaltyDecision: `甬鄞市监罚〔${listed.slice(0, 4)}〕${listed.slice(5, 7)}号`,
        basis: '《市场监督管理严重违法失信名单管理办法》第二条第二款、第十条',
        facts: '当事人在食品中添加非食用物质，被处以较重行政处罚。',
        decisionDocument: `甬鄞市监处罚〔${listed.slice(0, 4)}〕${listed.slice(5, 7)}号`,
        listingAuthority: '宁波市鄞州区市场监督管理局',
        listedOn,
        ...given,
        expiresOn: seriousExpiry(listedOn, measuresEndOn),
      };
    }),
  };
}
