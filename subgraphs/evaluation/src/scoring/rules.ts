import { createHash } from 'node:crypto';
import { clock, requiredFieldsUnavailable } from '@credit-hub/kit';
import type { CreditSubject } from '../__generated__/types.ts';
import {
  DEPARTMENT_LABELS,
  INPUT_NAMES,
  INPUTS,
  describeRule,
  type GradeBand,
  type InputName,
  type ModelDefinition,
} from '../models/rules.ts';

/**
 * 公共信用综合评价 as pure functions: the departments' facts (as the gateway passes them, @requires) become named
 * inputs, a model scores them with its 过惩相当 groups, and the score is graded. No database, no GraphQL.
 */

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

/** The facts of other departments creditEvaluation `@requires` (schema.graphql): the representation carries them. */
export const EVALUATION_FACTS = [
  'kind',
  'region',
  'industry',
  'taxCreditRatings',
  'isALevelTaxpayer',
  'majorTaxViolations',
  'isMajorTaxViolator',
  'dishonestDebtorCases',
  'isDishonestDebtor',
  'isConsumptionRestricted',
  'environmentalRating',
  'isEnvironmentalIntegrityEnterprise',
  'isOnEnvironmentalBlacklist',
  'abnormalOperations',
  'isInAbnormalOperationList',
  'seriousIllegalListings',
  'isSeriousIllegal',
  'publishedPenaltyCount',
  'severePenaltyCount',
  'isHighFrequencyOffender',
  'validLicenceCount',
  'integrityEvaluation',
] as const satisfies readonly (keyof CreditSubject)[];
export type EvaluationFact = (typeof EVALUATION_FACTS)[number];

/**
 * What the gateway passes in the representation, typed from the generated CreditSubject: a fact is absent when not
 * asked for and null when its department did not answer (or the caller may not read it).
 */
export type SubjectFacts = Pick<CreditSubject, 'code'> & Partial<Pick<CreditSubject, EvaluationFact>>;

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

/** A 践诺 outcome the evaluation holds (evaluation.commitment_fact, from the commitment events). */
export interface CommitmentFact {
  commitmentId: string;
  outcome: 'KEPT' | 'BROKEN';
  kindLabel?: string;
  matter: string;
  checkedOn: Date;
  publicityEndsOn: Date | null;
}

/** How far back a kept commitment counts: 3 years from its check, the look-back of 高频失信 (docs/rules/commitment.md). */
export const KEPT_COMMITMENT_YEARS = 3;

/**
 * The commitment inputs on `today`: kept ones checked within the last 3 years, broken ones while published (a 轻微
 * breach, never published, does not count). Always available: they are the evaluation's own facts.
 */
export function commitmentInputs(
  facts: readonly CommitmentFact[],
  today: Date,
): Pick<Inputs, 'keptCommitments' | 'brokenCommitments'> {
  const since = new Date(
    Date.UTC(today.getUTCFullYear() - KEPT_COMMITMENT_YEARS, today.getUTCMonth(), today.getUTCDate()),
  );
  const t = today.getTime();
  const kept = facts.filter(
    (f) => f.outcome === 'KEPT' && f.checkedOn.getTime() > since.getTime() && f.checkedOn.getTime() <= t,
  );
  const broken = facts.filter(
    (f) =>
      f.outcome === 'BROKEN' &&
      f.publicityEndsOn !== null &&
      f.checkedOn.getTime() <= t &&
      t <= f.publicityEndsOn.getTime(),
  );
  const records = (list: CommitmentFact[], word: string) =>
    list.map((f) => ({ id: f.commitmentId, description: `${f.matter}信用承诺${word}（${day(f.checkedOn)} 核查）` }));
  return {
    keptCommitments: { type: 'RECORDS', value: kept.length, records: records(kept, '已践诺') },
    brokenCommitments: { type: 'RECORDS', value: broken.length, records: records(broken, '未践诺') },
  };
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
export function collectInputs(
  facts: SubjectFacts,
  commitments: readonly CommitmentFact[] = [],
  today: Date = clock.today(),
): { inputs: Inputs; unavailable: InputName[] } {
  const inputs: Inputs = { ...commitmentInputs(commitments, today) };
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

/** One indicator's contribution, as the API and the stored explanation show it. */
export interface ExplainedItem {
  code: string;
  label: string;
  department: string;
  departmentLabel: string;
  input: InputName;
  value: string | null;
  /** Points after the 过惩相当 group rule: what the score adds. */
  points: number;
  /** Points by the indicator's own rule, before its group counted the shared fact once. */
  rawPoints: number;
  capped: boolean;
  rule: string;
  records: SourceRecord[];
  /** The 过惩相当 group, if any. */
  group: string | null;
  /** Why the group rule changed the points, in Chinese; null when it did not. */
  groupNote: string | null;
}

export interface EvaluationResult {
  score: number;
  band: GradeBand;
  items: ExplainedItem[];
}

/** Inputs a model needs that did not arrive: the evaluation is refused rather than computed without them. */
export class MissingInputsError extends Error {
  constructor(readonly inputs: InputName[]) {
    super(`missing evaluation inputs: ${inputs.join(', ')}`);
  }
}

/**
 * 过惩相当: within each group the shared fact is counted once. MAX keeps the largest deduction (else the largest
 * bonus); CAPPED_SUM adds the deductions up to the cap, the largest first. A deduction withholds the group's
 * bonuses. Changes `items` in place, with a note on every item whose points the group changed.
 */
function applyGroups(definition: ModelDefinition, items: ExplainedItem[]): void {
  for (const group of definition.groups) {
    const members = items.filter((i) => i.group === group.code);
    const deductions = members.filter((i) => i.rawPoints < 0);
    const bonuses = members.filter((i) => i.rawPoints > 0);
    const counted = deductions.length > 0 ? deductions : bonuses;
    const word = deductions.length > 0 ? '扣分' : '加分';
    if (deductions.length > 0)
      for (const b of bonuses) {
        b.points = 0;
        b.groupNote = `同组“${group.label}”有扣分项，不予加分（过惩相当）`;
      }
    // Largest first; indicator order decides a tie.
    const ordered = [...counted].sort((a, b) => Math.abs(b.rawPoints) - Math.abs(a.rawPoints));
    if (group.mode === 'MAX') {
      const [keeper, ...others] = ordered;
      for (const o of others) {
        o.points = 0;
        o.groupNote = `与“${keeper!.label}”为同一事实，已计入其${word}（过惩相当）`;
      }
      continue;
    }
    let room = group.cap!;
    for (const item of ordered) {
      const take = Math.min(Math.abs(item.rawPoints), room);
      room -= take;
      if (take === Math.abs(item.rawPoints)) continue;
      item.points = zero(Math.sign(item.rawPoints) * take);
      item.groupNote = `同组“${group.label}”合计最多${word}${group.cap}分，本项计${Math.abs(item.points)}分（过惩相当）`;
    }
  }
}

const zero = (n: number) => (n === 0 ? 0 : n);

/** The inputs a model reads. */
export const inputsOf = (definition: ModelDefinition): InputName[] => [
  ...new Set(definition.indicators.map((i) => i.input)),
];

/** The band of a score: the first (best) band whose minimum it reaches. */
export function bandOf(definition: ModelDefinition, score: number): GradeBand {
  return definition.grades.find((g) => score >= g.minScore) ?? definition.grades.at(-1)!;
}

/**
 * 公共信用综合评价 as a pure function: base score plus every indicator's points (after its 过惩相当 group counted a
 * shared fact once), kept within the model's scale, then graded. Every indicator appears in the items, with 0
 * points when it does not apply.
 */
export function evaluate(definition: ModelDefinition, inputs: Inputs): EvaluationResult {
  const missing = inputsOf(definition).filter((name) => !inputs[name]);
  if (missing.length > 0) throw new MissingInputsError(missing);
  const items = definition.indicators.map((indicator): ExplainedItem => {
    const input = inputs[indicator.input]!;
    const r = indicator.rule;
    let points = 0;
    let capped = false;
    if (r.kind === 'FLAG' && input.type === 'FLAG') {
      points = input.value ? r.points : 0;
    } else if (r.kind === 'PER_RECORD' && input.type === 'RECORDS') {
      const raw = input.value * r.pointsPerRecord;
      capped = Math.abs(raw) > r.cap;
      points = capped ? Math.sign(raw) * r.cap : raw;
    } else if (r.kind === 'LEVEL' && input.type === 'LEVEL') {
      points = input.value !== null && input.value in r.points ? r.points[input.value]! : r.otherwise;
    }
    return {
      code: indicator.code,
      label: indicator.label,
      department: indicator.department,
      departmentLabel: DEPARTMENT_LABELS[indicator.department] ?? indicator.department,
      input: indicator.input,
      value: input.value === null ? null : String(input.value),
      // -0 would print as 0 but fail deepEqual against 0.
      points: zero(points),
      rawPoints: zero(points),
      capped,
      rule: describeRule(indicator),
      records: input.records,
      group: indicator.group ?? null,
      groupNote: null,
    };
  });
  applyGroups(definition, items);
  const total = items.reduce((sum, item) => sum + item.points, definition.baseScore);
  const score = Math.min(definition.maxScore, Math.max(definition.minScore, total));
  return { score, band: bandOf(definition, score), items };
}

/**
 * The refusal when facts a model needs did not arrive (REQUIRED_FIELDS_UNAVAILABLE), naming the inputs and their
 * departments: an evaluation is never computed as if a silent department had nothing on record.
 */
export function inputsUnavailable(code: string, inputs: (InputName | 'kind' | 'region')[]) {
  const departments = [
    ...new Set(inputs.map((i) => (i === 'kind' || i === 'region' ? 'subject' : INPUTS[i].department))),
  ];
  const names = departments.map((d) => (d === 'subject' ? '主体库 (subject)' : `${DEPARTMENT_LABELS[d]} (${d})`));
  return requiredFieldsUnavailable(
    `the credit evaluation of ${code} needs ${inputs.join(', ')} from ${names.join(', ')}, which did not arrive ` +
      '(the department is unavailable, or the caller may not read it): it is not computed without them',
    code,
    { departments, inputs },
  );
}
