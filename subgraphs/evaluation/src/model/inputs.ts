import { createHash } from 'node:crypto';

/**
 * The vocabulary of evaluation inputs: every fact a model may score, the department it comes from and
 * what kind of rule can read it. Models (data) refer to these names; adding an input means extending the
 * @requires selection in schema.graphql and `collectInputs` below.
 */
export const INPUTS = {
  isDishonestDebtor: { department: 'court', type: 'FLAG' },
  dishonestDebtorCases: { department: 'court', type: 'RECORDS' },
  isConsumptionRestricted: { department: 'court', type: 'FLAG' },
  taxCreditLevel: { department: 'tax', type: 'LEVEL', levels: ['A', 'B', 'M', 'C', 'D'] },
  isALevelTaxpayer: { department: 'tax', type: 'FLAG' },
  isMajorTaxViolator: { department: 'tax', type: 'FLAG' },
  majorTaxViolations: { department: 'tax', type: 'RECORDS' },
  environmentalGrade: {
    department: 'environment',
    type: 'LEVEL',
    levels: ['GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK'],
  },
  isEnvironmentalIntegrityEnterprise: { department: 'environment', type: 'FLAG' },
  isOnEnvironmentalBlacklist: { department: 'environment', type: 'FLAG' },
  isInAbnormalOperationList: { department: 'market', type: 'FLAG' },
  abnormalOperations: { department: 'market', type: 'RECORDS' },
  isSeriousIllegal: { department: 'market', type: 'FLAG' },
  seriousIllegalListings: { department: 'market', type: 'RECORDS' },
  publishedPenaltyCount: { department: 'disclosure', type: 'RECORDS' },
  severePenaltyCount: { department: 'disclosure', type: 'RECORDS' },
  /** Published penalties that are not 严重: publishedPenaltyCount − severePenaltyCount (disjoint from the severe ones). */
  generalPenaltyCount: { department: 'disclosure', type: 'RECORDS' },
  isHighFrequencyOffender: { department: 'disclosure', type: 'FLAG' },
  /** Valid administrative licences (行政许可) the public sees: the subject's 资质. */
  validLicenceCount: { department: 'disclosure', type: 'RECORDS' },
  integrityGrade: {
    department: 'government',
    type: 'LEVEL',
    levels: ['CREDITWORTHY', 'BASICALLY_CREDITWORTHY', 'AT_RISK', 'DISHONEST'],
  },
} as const satisfies Record<
  string,
  { department: string; type: 'FLAG' | 'RECORDS' | 'LEVEL'; levels?: readonly string[] }
>;

export type InputName = keyof typeof INPUTS;
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[];

/**
 * Inputs that can report the same underlying fact (过惩相当: one wrong, one deduction). A model that scores two of
 * them must put both indicators in one group (definition.ts), whose rule then counts the fact once:
 * - a 重大税收违法失信主体 entry forces the D level (国家税务总局令第54号), and the A flag is the A level;
 * - a 失信被执行人 is restricted in consumption by law (法释〔2017〕7号, 法释〔2015〕17号), and 政务诚信 deducts for it;
 * - the published count includes the severe and the other penalties, 高频失信 is made of them, and a 严重违法失信名单
 *   listing rests on a 较重行政处罚 of the market authority (国家市场监督管理总局令第44号), which is a published penalty;
 * - a list flag and its list entries, a grade and the flags derived from it.
 */
export const SAME_FACT: readonly (readonly [InputName, InputName])[] = [
  ['majorTaxViolations', 'taxCreditLevel'],
  ['isMajorTaxViolator', 'taxCreditLevel'],
  ['isMajorTaxViolator', 'majorTaxViolations'],
  ['isALevelTaxpayer', 'taxCreditLevel'],
  ['dishonestDebtorCases', 'isDishonestDebtor'],
  ['dishonestDebtorCases', 'isConsumptionRestricted'],
  ['isDishonestDebtor', 'isConsumptionRestricted'],
  ['integrityGrade', 'dishonestDebtorCases'],
  ['integrityGrade', 'isDishonestDebtor'],
  ['publishedPenaltyCount', 'severePenaltyCount'],
  ['publishedPenaltyCount', 'generalPenaltyCount'],
  ['publishedPenaltyCount', 'isHighFrequencyOffender'],
  ['severePenaltyCount', 'isHighFrequencyOffender'],
  ['generalPenaltyCount', 'isHighFrequencyOffender'],
  ['seriousIllegalListings', 'severePenaltyCount'],
  ['seriousIllegalListings', 'generalPenaltyCount'],
  ['seriousIllegalListings', 'publishedPenaltyCount'],
  ['isSeriousIllegal', 'severePenaltyCount'],
  ['isSeriousIllegal', 'generalPenaltyCount'],
  ['isSeriousIllegal', 'publishedPenaltyCount'],
  ['isSeriousIllegal', 'seriousIllegalListings'],
  ['isInAbnormalOperationList', 'abnormalOperations'],
  // An entry still listed after 3 years moves to the 严重违法失信名单 (国家市场监督管理总局令第44号).
  ['abnormalOperations', 'seriousIllegalListings'],
  ['isInAbnormalOperationList', 'isSeriousIllegal'],
  ['environmentalGrade', 'isEnvironmentalIntegrityEnterprise'],
  ['environmentalGrade', 'isOnEnvironmentalBlacklist'],
];

export const DEPARTMENT_LABELS: Record<string, string> = {
  court: '人民法院',
  tax: '税务部门',
  market: '市场监管部门',
  environment: '生态环境部门',
  disclosure: '双公示（各行政机关）',
  government: '政务诚信',
};

/** A department record an input is based on (an 执行案号, a list entry, a rating year). */
export interface SourceRecord {
  id: string;
  description: string;
}

/** An input's value: a flag, a number of records (or a count), or a level (null: none on record). */
export type InputValue =
  | { type: 'FLAG'; value: boolean; records: SourceRecord[] }
  | { type: 'RECORDS'; value: number; records: SourceRecord[] }
  | { type: 'LEVEL'; value: string | null; records: SourceRecord[] };

export type Inputs = Partial<Record<InputName, InputValue>>;

/** What the gateway passes in the representation (the @requires selection of creditEvaluation). */
export interface SubjectFacts {
  code: string;
  kind?: string | null;
  region?: { code: string } | null;
  industry?: { code: string } | null;
  /** Every rating; `inForce` marks the one that counts today (absent in older callers' facts: taken as in force). */
  taxCreditRatings?: { year: number; level: string; evaluatedOn: string; inForce?: boolean }[] | null;
  isALevelTaxpayer?: boolean | null;
  majorTaxViolations?: { id: string; situationLabel: string; publishedOn: string }[] | null;
  isMajorTaxViolator?: boolean | null;
  dishonestDebtorCases?: { caseNumber: string; courtName: string; publishedOn: string }[] | null;
  isDishonestDebtor?: boolean | null;
  isConsumptionRestricted?: boolean | null;
  environmentalRating?: { year: number; grade: string; gradeLabel: string } | null;
  isEnvironmentalIntegrityEnterprise?: boolean | null;
  isOnEnvironmentalBlacklist?: boolean | null;
  abnormalOperations?: { id: string; reasonLabel: string; listedOn: string }[] | null;
  isInAbnormalOperationList?: boolean | null;
  seriousIllegalListings?: { id: string; decisionDocument: string; listedOn: string }[] | null;
  isSeriousIllegal?: boolean | null;
  publishedPenaltyCount?: number | null;
  severePenaltyCount?: number | null;
  isHighFrequencyOffender?: boolean | null;
  validLicenceCount?: number | null;
  integrityEvaluation?: { year: number; score: number; grade: string; gradeLabel: string } | null;
}

const GOVERNMENT_KINDS = new Set(['GOVERNMENT_BODY', 'PUBLIC_INSTITUTION']);

const day = (value: string | Date) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

const caseRecords = (facts: SubjectFacts): SourceRecord[] =>
  (facts.dishonestDebtorCases ?? []).map((c) => ({
    id: c.caseNumber,
    description: `${c.courtName} ${day(c.publishedOn)} 发布失信被执行人信息`,
  }));
const violationRecords = (facts: SubjectFacts): SourceRecord[] =>
  (facts.majorTaxViolations ?? []).map((v) => ({
    id: String(v.id),
    description: `重大税收违法失信主体（${v.situationLabel}），${day(v.publishedOn)} 公布`,
  }));
const abnormalRecords = (facts: SubjectFacts): SourceRecord[] =>
  (facts.abnormalOperations ?? []).map((a) => ({
    id: String(a.id),
    description: `列入经营异常名录（${a.reasonLabel}），${day(a.listedOn)}`,
  }));
const seriousRecords = (facts: SubjectFacts): SourceRecord[] =>
  (facts.seriousIllegalListings ?? []).map((s) => ({
    id: String(s.id),
    description: `列入严重违法失信名单（${s.decisionDocument}），${day(s.listedOn)}`,
  }));

/** The tax rating that counts: the newest one the tax department marks in force (an old A or D counts for nothing). */
function latestRating(facts: SubjectFacts) {
  let latest: NonNullable<SubjectFacts['taxCreditRatings']>[number] | null = null;
  for (const r of facts.taxCreditRatings ?? [])
    if (r.inForce !== false && (!latest || r.year > latest.year)) latest = r;
  return latest;
}

const flag = (value: boolean, records: SourceRecord[] = []): InputValue => ({ type: 'FLAG', value, records });
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Turns the departments' facts into named inputs. A fact that is null or missing means the department did
 * not answer (down, or the caller may not read it): that input is left out and reported as unavailable,
 * never read as "clean". The exceptions are facts whose null is meaningful: no environmental rating
 * (never rated — known because the environment's flags did arrive) and no 政务诚信 evaluation for subjects
 * that are not government bodies or public institutions.
 */
export function collectInputs(facts: SubjectFacts): { inputs: Inputs; unavailable: InputName[] } {
  const inputs: Inputs = {};
  if (isBool(facts.isDishonestDebtor)) inputs.isDishonestDebtor = flag(facts.isDishonestDebtor, caseRecords(facts));
  if (Array.isArray(facts.dishonestDebtorCases)) {
    const records = caseRecords(facts);
    inputs.dishonestDebtorCases = { type: 'RECORDS', value: records.length, records };
  }
  if (isBool(facts.isConsumptionRestricted)) inputs.isConsumptionRestricted = flag(facts.isConsumptionRestricted);
  if (Array.isArray(facts.taxCreditRatings)) {
    const r = latestRating(facts);
    inputs.taxCreditLevel = {
      type: 'LEVEL',
      value: r?.level ?? null,
      records: r
        ? [{ id: String(r.year), description: `${r.year}年度纳税信用${r.level}级（${day(r.evaluatedOn)} 评定）` }]
        : [],
    };
  }
  if (isBool(facts.isALevelTaxpayer)) {
    const r = latestRating(facts);
    inputs.isALevelTaxpayer = flag(
      facts.isALevelTaxpayer,
      facts.isALevelTaxpayer && r ? [{ id: String(r.year), description: `${r.year}年度A级纳税人` }] : [],
    );
  }
  if (isBool(facts.isMajorTaxViolator))
    inputs.isMajorTaxViolator = flag(facts.isMajorTaxViolator, violationRecords(facts));
  if (Array.isArray(facts.majorTaxViolations)) {
    const records = violationRecords(facts);
    inputs.majorTaxViolations = { type: 'RECORDS', value: records.length, records };
  }
  // The environment answered when its flags arrived; a null rating then means "never rated".
  const environmentAnswered =
    isBool(facts.isEnvironmentalIntegrityEnterprise) && isBool(facts.isOnEnvironmentalBlacklist);
  if (environmentAnswered) {
    const e = facts.environmentalRating ?? null;
    inputs.environmentalGrade = {
      type: 'LEVEL',
      value: e?.grade ?? null,
      records: e ? [{ id: String(e.year), description: `${e.year}年度企业环境信用评价：${e.gradeLabel}` }] : [],
    };
    inputs.isEnvironmentalIntegrityEnterprise = flag(facts.isEnvironmentalIntegrityEnterprise!);
    inputs.isOnEnvironmentalBlacklist = flag(facts.isOnEnvironmentalBlacklist!);
  }
  if (isBool(facts.isInAbnormalOperationList))
    inputs.isInAbnormalOperationList = flag(facts.isInAbnormalOperationList, abnormalRecords(facts));
  if (Array.isArray(facts.abnormalOperations)) {
    const records = abnormalRecords(facts);
    inputs.abnormalOperations = { type: 'RECORDS', value: records.length, records };
  }
  if (isBool(facts.isSeriousIllegal)) inputs.isSeriousIllegal = flag(facts.isSeriousIllegal, seriousRecords(facts));
  if (Array.isArray(facts.seriousIllegalListings)) {
    const records = seriousRecords(facts);
    inputs.seriousIllegalListings = { type: 'RECORDS', value: records.length, records };
  }
  // 双公示 publishes counts, not the penalties themselves, to other departments' rules.
  if (isCount(facts.publishedPenaltyCount))
    inputs.publishedPenaltyCount = { type: 'RECORDS', value: facts.publishedPenaltyCount, records: [] };
  if (isCount(facts.severePenaltyCount))
    inputs.severePenaltyCount = { type: 'RECORDS', value: facts.severePenaltyCount, records: [] };
  if (isCount(facts.publishedPenaltyCount) && isCount(facts.severePenaltyCount))
    inputs.generalPenaltyCount = {
      type: 'RECORDS',
      value: Math.max(0, facts.publishedPenaltyCount - facts.severePenaltyCount),
      records: [],
    };
  if (isCount(facts.validLicenceCount))
    inputs.validLicenceCount = { type: 'RECORDS', value: facts.validLicenceCount, records: [] };
  if (isBool(facts.isHighFrequencyOffender)) inputs.isHighFrequencyOffender = flag(facts.isHighFrequencyOffender);
  const integrity = facts.integrityEvaluation ?? null;
  if (integrity) {
    inputs.integrityGrade = {
      type: 'LEVEL',
      value: integrity.grade,
      records: [
        {
          id: String(integrity.year),
          description: `${integrity.year}年度政务诚信评价：${integrity.gradeLabel}（${integrity.score}分）`,
        },
      ],
    };
  } else if (!GOVERNMENT_KINDS.has(String(facts.kind))) {
    // Only government bodies and public institutions have a 政务诚信 evaluation.
    inputs.integrityGrade = { type: 'LEVEL', value: null, records: [] };
  }
  return { inputs, unavailable: INPUT_NAMES.filter((name) => !inputs[name]) };
}

/**
 * SHA-256 over the subject's placement and every input (value and record ids) in vocabulary order: the
 * stored evaluation is rewritten only when this or the model version changes.
 */
export function inputsDigest(facts: SubjectFacts, inputs: Inputs): string {
  const canonical = [
    facts.kind ?? null,
    facts.region?.code ?? null,
    facts.industry?.code ?? null,
    ...INPUT_NAMES.map((name) => {
      const input = inputs[name];
      return input ? [name, input.value, input.records.map((r) => [r.id, r.description])] : [name, null];
    }),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
