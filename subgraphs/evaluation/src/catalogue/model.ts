import { badInput } from '@credit-hub/kit';
import {
  BUSINESS_MATTERS,
  CREDIT_LISTS,
  LIST_INFO,
  MEASURE_KINDS,
  type BusinessMatter,
  type CreditList,
  type MeasureKind,
} from './lists.ts';

/** One stored version of a measure (evaluation.measure); the parent of the Measure type. */
export interface MeasureRow {
  id: bigint;
  code: string;
  version: number;
  name: string;
  kind: MeasureKind;
  lists: CreditList[];
  matters: BusinessMatter[];
  content: string;
  basisTitle: string;
  basisNumber: string | null;
  basisArticle: string | null;
  basisVerification: CitationStatus;
  basisSources: string[];
  basisNote: string | null;
  status: 'ACTIVE' | 'RETIRED';
  changeNote: string;
  changedBy: string;
  createdAt: Date;
}

/** What defines a measure's content: everything a revision may change. */
export interface MeasureDefinition {
  code: string;
  name: string;
  kind: MeasureKind;
  lists: CreditList[];
  matters: BusinessMatter[];
  content: string;
  basisTitle: string;
  basisNumber: string | null;
  basisArticle: string | null;
  basisVerification: CitationStatus;
  basisSources: string[];
  basisNote: string | null;
}

/** Whether a citation (title, number, article) was checked against the text of the document. */
export type CitationStatus = 'VERIFIED' | 'TO_VERIFY';
export const CITATION_STATUSES: readonly CitationStatus[] = ['VERIFIED', 'TO_VERIFY'];
export const CITATION_STATUS_LABELS: Readonly<Record<CitationStatus, string>> = {
  VERIFIED: '已核实',
  TO_VERIFY: '待核实',
};

/** The citation of a basis as officers write it: 《title》（number）article. */
export function citation(basis: { basisTitle: string; basisNumber: string | null; basisArticle: string | null }) {
  return `《${basis.basisTitle}》${basis.basisNumber ? `（${basis.basisNumber}）` : ''}${basis.basisArticle ?? ''}`;
}

const CODE_PATTERN = /^[A-Z][A-Z0-9-]{2,63}$/;

function text(value: unknown, field: string, max: number): string {
  const t = typeof value === 'string' ? value.trim() : '';
  if (!t) throw badInput(field, 'REQUIRED', `\`${field}\` must not be empty`);
  if (t.length > max) throw badInput(field, 'LENGTH', `\`${field}\` may hold at most ${max} characters`);
  return t;
}

function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return text(value, field, max);
}

function members<T extends string>(value: unknown, field: string, allowed: readonly T[]): T[] {
  if (!Array.isArray(value) || value.length === 0)
    throw badInput(field, 'REQUIRED', `\`${field}\` must name at least one value`);
  const seen = new Set<string>();
  return value.map((v, i) => {
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
      throw badInput(`${field}[${i}]`, 'ENUM', `\`${field}[${i}]\` must be one of ${allowed.join(', ')}`);
    if (seen.has(v)) throw badInput(`${field}[${i}]`, 'REPEATED', `\`${field}[${i}]\` repeats ${v}`);
    seen.add(v);
    return v as T;
  });
}

/**
 * Validates a measure definition (an admin's input, or an entry of data/measures.json). Errors name the
 * field under `path` and the rule. Besides the shape: an incentive (激励) may apply to red lists only and a
 * disciplinary measure (惩戒) to no red list — a measure is never aimed at the wrong side of the lists.
 */
export function validateMeasure(raw: Record<string, unknown>, path = 'input'): MeasureDefinition {
  const code = text(raw.code, `${path}.code`, 64).toUpperCase();
  if (!CODE_PATTERN.test(code))
    throw badInput(
      `${path}.code`,
      'FORMAT',
      `\`${path}.code\` must be 3–64 capital letters, digits or hyphens, starting with a letter`,
    );
  const kind = raw.kind as MeasureKind;
  if (!MEASURE_KINDS.includes(kind))
    throw badInput(`${path}.kind`, 'ENUM', `\`${path}.kind\` must be one of ${MEASURE_KINDS.join(', ')}`);
  const lists = members(raw.lists, `${path}.lists`, CREDIT_LISTS);
  lists.forEach((list, i) => {
    const red = LIST_INFO[list].type === 'RED';
    if (kind === 'INCENTIVE' && !red)
      throw badInput(
        `${path}.lists[${i}]`,
        'LIST_TYPE',
        `\`${path}.lists[${i}]\`: an incentive applies to red lists only, ${list} is a ${LIST_INFO[list].type} list`,
      );
    if (kind !== 'INCENTIVE' && red)
      throw badInput(
        `${path}.lists[${i}]`,
        'LIST_TYPE',
        `\`${path}.lists[${i}]\`: a disciplinary measure may not apply to the red list ${list}`,
      );
  });
  const basisVerification = (raw.basisVerification ?? 'TO_VERIFY') as CitationStatus;
  if (!CITATION_STATUSES.includes(basisVerification))
    throw badInput(
      `${path}.basisVerification`,
      'ENUM',
      `\`${path}.basisVerification\` must be one of ${CITATION_STATUSES.join(', ')}`,
    );
  const sources = raw.basisSources ?? [];
  if (!Array.isArray(sources) || sources.length > 10)
    throw badInput(`${path}.basisSources`, 'RANGE', `\`${path}.basisSources\` must be a list of at most 10 sources`);
  const basisSources = sources.map((s, i) => text(s, `${path}.basisSources[${i}]`, 300));
  // A citation is verified against a text someone read: say which.
  if (basisVerification === 'VERIFIED' && basisSources.length === 0)
    throw badInput(
      `${path}.basisSources`,
      'SOURCE_REQUIRED',
      `\`${path}.basisSources\` must name where a VERIFIED citation was read`,
    );
  return {
    code,
    name: text(raw.name, `${path}.name`, 200),
    kind,
    lists,
    matters: members(raw.matters, `${path}.matters`, BUSINESS_MATTERS),
    content: text(raw.content, `${path}.content`, 2000),
    // Stored without 《》: the citation adds them back, so they never appear twice.
    basisTitle: text(raw.basisTitle, `${path}.basisTitle`, 200).replace(/^《(.*)》$/u, '$1'),
    basisNumber: optionalText(raw.basisNumber, `${path}.basisNumber`, 100),
    basisArticle: optionalText(raw.basisArticle, `${path}.basisArticle`, 100),
    basisVerification,
    basisSources,
    basisNote: optionalText(raw.basisNote, `${path}.basisNote`, 2000),
  };
}

/** Whether a revision changes anything (a version that repeats its predecessor is refused). */
export function sameDefinition(a: MeasureDefinition, b: MeasureDefinition): boolean {
  const key = (d: MeasureDefinition) =>
    JSON.stringify([
      d.name,
      d.kind,
      d.lists,
      d.matters,
      d.content,
      d.basisTitle,
      d.basisNumber,
      d.basisArticle,
      d.basisVerification,
      d.basisSources,
      d.basisNote,
    ]);
  return key(a) === key(b);
}
