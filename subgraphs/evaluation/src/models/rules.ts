import { badInput, z } from '@credit-hub/kit';

/**
 * The rules of evaluation models (评价模型) as data: the vocabulary of inputs a model may score, the shape of a
 * model's definition with the rules that tie its parts together, and the Chinese text of its rules. Pure: no
 * database, no GraphQL. Scoring a subject with a model is scoring/rules.ts.
 */

/**
 * The vocabulary of evaluation inputs: every fact a model may score, the department it comes from and
 * what kind of rule can read it. Models (data) refer to these names; adding an input means extending the
 * @requires selection in schema.graphql (and CreditSubjectMapper's facts) and `collectInputs` in
 * scoring/rules.ts.
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
  /**
   * 信用承诺 kept (已践诺) and checked within the last 3 years, and broken (未践诺) ones while published: the
   * evaluation's own facts from the commitment events (consumer `evaluation.commitments`), not a @requires.
   */
  keptCommitments: { department: 'commitment', type: 'RECORDS' },
  brokenCommitments: { department: 'commitment', type: 'RECORDS' },
} as const satisfies Record<
  string,
  { department: string; type: 'FLAG' | 'RECORDS' | 'LEVEL'; levels?: readonly string[] }
>;

export type InputName = keyof typeof INPUTS;
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[];

/**
 * Inputs that can report the same underlying fact (过惩相当: one wrong, one deduction). A model that scores two of
 * them must put both indicators in one group (below), whose rule then counts the fact once:
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
  commitment: '信用承诺（核查部门）',
};

/**
 * The shape of an evaluation model's definition (stored as jsonb, taken as JSON text by the admin
 * mutation). Structural rules are zod's; the rules that tie parts together (an input read by a rule of its
 * kind, bands covering the whole scale, one ratio per supervision level) are checked in superRefine so that
 * every error names its path.
 */
const code = z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'must be 1–40 capital letters, digits or underscores');
const label = z.string().trim().min(1).max(60);
const points = z.number().int().min(-10_000).max(10_000);

const flagRule = z.strictObject({ kind: z.literal('FLAG'), points });
const perRecordRule = z.strictObject({
  kind: z.literal('PER_RECORD'),
  pointsPerRecord: points,
  cap: z.number().int().positive().max(10_000),
});
const levelRule = z.strictObject({
  kind: z.literal('LEVEL'),
  points: z.record(z.string(), points),
  otherwise: points.default(0),
});
const rule = z.discriminatedUnion('kind', [flagRule, perRecordRule, levelRule]);

const indicator = z.strictObject({
  code,
  label,
  department: z.string(),
  input: z.enum(INPUT_NAMES as [InputName, ...InputName[]]),
  rule,
  /** The 过惩相当 group the indicator belongs to (see `groups`). */
  group: code.optional(),
});

/**
 * A 过惩相当 group: indicators whose inputs can report the same fact (SAME_FACT above). MAX — one fact seen
 * several ways: only the largest deduction counts (and, without a deduction, only the largest bonus). CAPPED_SUM —
 * distinct records among which one may be the fact behind another member (a listing and its penalty): deductions
 * add up, but never beyond `cap`. In both, a deduction in the group withholds the group's bonuses.
 */
const group = z.strictObject({
  code,
  label,
  mode: z.enum(['MAX', 'CAPPED_SUM']),
  cap: z.number().int().positive().max(10_000).optional(),
});

const supervision = z.strictObject({
  level: z.string().regex(/^[A-Z][A-Z0-9+-]{0,15}$/, 'must be a short code such as A or D'),
  label,
  samplingRatio: z.number().gt(0).max(1),
});

const band = z.strictObject({ grade: code, label, minScore: z.number().int(), supervision });

export const definitionSchema = z
  .strictObject({
    baseScore: z.number().int(),
    minScore: z.number().int().default(0),
    maxScore: z.number().int(),
    indicators: z.array(indicator).min(1).max(100),
    groups: z.array(group).max(50).default([]),
    grades: z.array(band).min(1).max(20),
  })
  .superRefine((d, ctx) => {
    const fail = (path: (string | number)[], ruleName: string, message: string) =>
      ctx.addIssue({ code: 'custom', path, message, params: { rule: ruleName } });
    if (d.maxScore <= d.minScore) fail(['maxScore'], 'SCALE', 'must be greater than minScore');
    if (d.baseScore < d.minScore || d.baseScore > d.maxScore)
      fail(['baseScore'], 'SCALE', `must lie within the scale ${d.minScore}–${d.maxScore}`);
    const codes = new Set<string>();
    d.indicators.forEach((ind, i) => {
      if (codes.has(ind.code)) fail(['indicators', i, 'code'], 'UNIQUE', `indicator code ${ind.code} is used twice`);
      codes.add(ind.code);
      const input = INPUTS[ind.input];
      if (ind.department !== input.department)
        fail(
          ['indicators', i, 'department'],
          'SOURCE_DEPARTMENT',
          `input ${ind.input} comes from ${input.department}, not ${ind.department}`,
        );
      const expected = input.type === 'FLAG' ? 'FLAG' : input.type === 'RECORDS' ? 'PER_RECORD' : 'LEVEL';
      if (ind.rule.kind !== expected)
        fail(['indicators', i, 'rule', 'kind'], 'RULE_KIND', `input ${ind.input} is scored by a ${expected} rule`);
      if (ind.rule.kind === 'LEVEL' && 'levels' in input) {
        for (const level of Object.keys(ind.rule.points))
          if (!(input.levels as readonly string[]).includes(level))
            fail(
              ['indicators', i, 'rule', 'points', level],
              'LEVEL',
              `${level} is not a level of ${ind.input} (${input.levels.join(', ')})`,
            );
      }
      if (ind.rule.kind === 'FLAG' && ind.rule.points === 0)
        fail(['indicators', i, 'rule', 'points'], 'NON_ZERO', 'a flag worth 0 points has no effect');
      if (ind.rule.kind === 'PER_RECORD' && ind.rule.pointsPerRecord === 0)
        fail(['indicators', i, 'rule', 'pointsPerRecord'], 'NON_ZERO', 'a record worth 0 points has no effect');
    });
    const groups = new Map(d.groups.map((g) => [g.code, g]));
    d.groups.forEach((g, i) => {
      if (d.groups.findIndex((x) => x.code === g.code) !== i)
        fail(['groups', i, 'code'], 'UNIQUE', `group code ${g.code} is used twice`);
      if (g.mode === 'CAPPED_SUM' && g.cap === undefined)
        fail(['groups', i, 'cap'], 'REQUIRED', 'a CAPPED_SUM group needs its cap');
      if (g.mode === 'MAX' && g.cap !== undefined)
        fail(['groups', i, 'cap'], 'UNUSED', 'a MAX group has no cap: its largest member decides');
    });
    d.indicators.forEach((ind, i) => {
      if (ind.group !== undefined && !groups.has(ind.group))
        fail(['indicators', i, 'group'], 'UNKNOWN_GROUP', `group ${ind.group} is not one of definition.groups`);
    });
    // 过惩相当: two indicators whose inputs can report the same fact must share a group, or that fact is counted twice.
    const sameFact = (a: InputName, b: InputName) =>
      a === b || SAME_FACT.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
    d.indicators.forEach((y, j) => {
      const x = d.indicators.find(
        (x, k) => k < j && sameFact(x.input, y.input) && (x.group === undefined || x.group !== y.group),
      );
      if (x)
        fail(
          ['indicators', j, 'group'],
          'DOUBLE_COUNTING',
          `${y.code} (${y.input}) and ${x.code} (${x.input}) can count the same fact: put them in one 过惩相当 group`,
        );
    });
    const grades = new Set<string>();
    const levels = new Map<string, { label: string; samplingRatio: number }>();
    d.grades.forEach((g, i) => {
      if (grades.has(g.grade)) fail(['grades', i, 'grade'], 'UNIQUE', `grade ${g.grade} is used twice`);
      grades.add(g.grade);
      const previous = d.grades[i - 1];
      if (previous && g.minScore >= previous.minScore)
        fail(
          ['grades', i, 'minScore'],
          'DESCENDING',
          'grade bands must be listed best first, minScore strictly descending',
        );
      const seen = levels.get(g.supervision.level);
      if (seen && (seen.label !== g.supervision.label || seen.samplingRatio !== g.supervision.samplingRatio))
        fail(
          ['grades', i, 'supervision'],
          'CONSISTENT_LEVEL',
          `supervision level ${g.supervision.level} must have one label and sampling ratio`,
        );
      levels.set(g.supervision.level, g.supervision);
    });
    const lowest = d.grades.at(-1);
    if (lowest && lowest.minScore !== d.minScore)
      fail(
        ['grades', d.grades.length - 1, 'minScore'],
        'COVERS_SCALE',
        `the lowest band must start at minScore (${d.minScore}) so that every score has a grade`,
      );
    if (d.grades[0] && d.grades[0].minScore > d.maxScore)
      fail(['grades', 0, 'minScore'], 'COVERS_SCALE', `no score above maxScore (${d.maxScore}) can reach it`);
  });

export type ModelDefinition = z.infer<typeof definitionSchema>;
export type Indicator = ModelDefinition['indicators'][number];
export type GradeBand = ModelDefinition['grades'][number];
export type IndicatorGroup = ModelDefinition['groups'][number];

/** `definition.indicators[2].rule.cap` from zod's path. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : `${acc}.${String(part)}`),
    'definition',
  );
}

/**
 * Validates a definition (already parsed JSON). Throws BAD_USER_INPUT naming the first failing path as
 * `field` and its rule (e.g. SCALE, too_small, invalid_type), with every problem in the message.
 */
export function parseDefinition(value: unknown): ModelDefinition {
  const result = definitionSchema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const ruleOf = (issue: (typeof issues)[number]) =>
    issue.code === 'custom' && issue.params && typeof issue.params.rule === 'string'
      ? issue.params.rule
      : issue.code.toUpperCase();
  const first = issues[0]!;
  const message = issues
    .slice(0, 5)
    .map((i) => `${pathOf(i.path)}: ${i.message} (${ruleOf(i)})`)
    .join('; ');
  throw badInput(pathOf(first.path), ruleOf(first), `invalid evaluation model definition: ${message}`, {
    issues: issues.map((i) => ({ path: pathOf(i.path), rule: ruleOf(i), message: i.message })),
  });
}

/** Parses JSON text, then validates it. */
export function parseDefinitionText(text: string): ModelDefinition {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badInput('definition', 'JSON', `\`definition\` is not valid JSON: ${(error as Error).message}`);
  }
  return parseDefinition(value);
}

/**
 * A LEVEL rule's table in the input's own level order (A, B, M, C, D): jsonb does not keep object key order.
 */
export function levelEntries(indicator: Indicator): [string, number][] {
  if (indicator.rule.kind !== 'LEVEL') return [];
  const order: readonly string[] =
    'levels' in INPUTS[indicator.input] ? (INPUTS[indicator.input] as { levels: readonly string[] }).levels : [];
  return Object.entries(indicator.rule.points).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}

const signed = (n: number) => (n >= 0 ? `加${n}分` : `扣${-n}分`);

/** The rule in Chinese, as shown beside each item. */
export function describeRule(indicator: Indicator): string {
  const r = indicator.rule;
  switch (r.kind) {
    case 'FLAG':
      return `符合时${signed(r.points)}`;
    case 'PER_RECORD':
      return `每条${signed(r.pointsPerRecord)}，最多${r.pointsPerRecord >= 0 ? '加' : '扣'}${r.cap}分`;
    case 'LEVEL':
      return [
        ...levelEntries(indicator).map(([level, p]) => `${level}：${p === 0 ? '0分' : signed(p)}`),
        `其他或无记录：${r.otherwise === 0 ? '0分' : signed(r.otherwise)}`,
      ].join('；');
  }
}

/** A group's rule in Chinese, as shown beside the model. */
export function describeGroup(group: IndicatorGroup): string {
  return group.mode === 'MAX'
    ? '同一事实只计一次：组内只计扣分最多的一项；有扣分时不计组内加分'
    : `组内各项扣分合计最多${group.cap}分；有扣分时不计组内加分`;
}
