import { badInput, readPage, regionPrefix, toConnection, isString, type PageArgs } from '@credit-hub/kit';
import { isPersonKey, USCC_CHARSET } from '@credit-hub/kit/codes';
import { Prisma, type Db } from '@credit-hub/kit/db';
import type { SubjectKind } from '@credit-hub/kit/codes';
import type { CreditSubjectConnectionMapper, SubjectRow } from './mappers.ts';

export interface SearchArgs extends PageArgs {
  query?: string | null;
  kind?: SubjectKind | null;
  regionCode?: string | null;
}

const MAX_QUERY_LENGTH = 50;
const CODE_PREFIX = new RegExp(`^[${USCC_CHARSET}]{2,18}$`);

/** What the search box holds: a code prefix, an exact person key, or a name fragment. */
export type SearchTerm =
  | { type: 'none' }
  | { type: 'personKey'; code: string }
  | { type: 'codePrefix'; prefix: string }
  | { type: 'name'; fragment: string; grams: string[] };

export function classifyQuery(raw: string | null | undefined): SearchTerm {
  const query = (raw ?? '').trim();
  if (query === '') return { type: 'none' };
  if (query.length > MAX_QUERY_LENGTH) {
    throw badInput('query', 'LENGTH', `\`query\` may hold at most ${MAX_QUERY_LENGTH} characters, got ${query.length}`);
  }
  const upper = query.toUpperCase();
  if (isPersonKey(upper)) return { type: 'personKey', code: upper };
  if (CODE_PREFIX.test(upper)) return { type: 'codePrefix', prefix: upper };
  if (/^[\x20-\x7e]$/.test(query)) {
    throw badInput('query', 'LENGTH', '`query` must be a name fragment or a code prefix of at least 2 characters');
  }
  return { type: 'name', fragment: query.toLowerCase(), grams: nameGrams(query.toLowerCase()) };
}

/**
 * The index terms a fragment must contain: its character pairs, or the character itself when the
 * fragment is one character (mirrors subject.name_grams() in migration 0002).
 */
export function nameGrams(fragment: string): string[] {
  const chars = [...fragment];
  if (chars.length === 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i < chars.length - 1; i += 1) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditionsFor(term: SearchTerm, args: SearchArgs): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  switch (term.type) {
    case 'personKey':
      conditions.push(Prisma.sql`code = ${term.code}`);
      break;
    case 'codePrefix':
      conditions.push(Prisma.sql`code LIKE ${likeEscape(term.prefix) + '%'}`);
      break;
    case 'name':
      conditions.push(Prisma.sql`name_grams @> ${term.grams}::text[]`);
      conditions.push(Prisma.sql`lower(name) LIKE ${'%' + likeEscape(term.fragment) + '%'}`);
      break;
    case 'none':
      break;
  }
  // Natural persons are reachable only by their exact key: listing or name-searching them would let
  // anyone enumerate people (个人信息保护法: expose the least).
  if (term.type !== 'personKey') conditions.push(Prisma.sql`kind <> 'NATURAL_PERSON'`);
  if (args.kind) conditions.push(Prisma.sql`kind = ${args.kind}::subject."SubjectKind"`);
  if (args.regionCode) conditions.push(Prisma.sql`region_code LIKE ${regionPrefix(args.regionCode) + '%'}`);
  return conditions;
}

// There is always at least one condition (the natural-person rule or the exact key).
const where = (conditions: Prisma.Sql[]) => Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`;

interface RawSubject {
  code: string;
  name: string;
  kind: SubjectKind;
  region_code: string;
  industry_code: string | null;
  legal_representative: string | null;
  registration_status: SubjectRow['registrationStatus'];
  established_on: Date | null;
}

/**
 * searchSubjects: keyset paging ordered by code. The name condition is answered by the GIN index on
 * name_grams and the code prefix by the text_pattern_ops index; see migration 0002.
 */
export async function searchSubjects(db: Db, args: SearchArgs): Promise<CreditSubjectConnectionMapper> {
  const page = readPage(args, isString);
  const term = classifyQuery(args.query);
  const conditions = conditionsFor(term, args);
  const pageConditions = page.after === null ? conditions : [...conditions, Prisma.sql`code > ${page.after}`];
  const rows = await db.prisma.$queryRaw<RawSubject[]>`
    SELECT code, name, kind::text AS kind, region_code, industry_code, legal_representative,
           registration_status::text AS registration_status, established_on
    FROM subject.credit_subject
    ${where(pageConditions)}
    ORDER BY code
    LIMIT ${page.limit}`;
  const subjects: SubjectRow[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    regionCode: r.region_code,
    industryCode: r.industry_code,
    legalRepresentative: r.legal_representative,
    registrationStatus: r.registration_status,
    establishedOn: r.established_on,
  }));
  return {
    ...toConnection(subjects, page, (s) => s.code),
    // Counting is as expensive as the search itself: only done when the client selects totalCount.
    totalCount: async () => {
      const [row] = await db.prisma.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM subject.credit_subject ${where(conditions)}`;
      return Number(row?.n ?? 0);
    },
  };
}
