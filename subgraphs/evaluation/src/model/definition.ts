import { badInput, z } from '@credit-hub/kit';
import { INPUTS, INPUT_NAMES, SAME_FACT, type InputName } from './inputs.ts';

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
 * A 过惩相当 group: indicators whose inputs can report the same fact (inputs.ts SAME_FACT). MAX — one fact seen
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
