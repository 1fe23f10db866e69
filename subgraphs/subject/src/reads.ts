/**
 * The subject register's reads: the search page and its count, the person look-up, and the batch statements the
 * loaders run. Raw rows are parsed (zod), never cast. Reference data (regions, industries) is read in reference/.
 */
import { isString, readPage, regionPrefix, toConnection, z } from '@credit-hub/kit';
import { SUBJECT_KINDS } from '@credit-hub/kit/codes';
import { Prisma, type Db } from '@credit-hub/kit/db';
import type { QuerySearchSubjectsArgs } from './__generated__/types.ts';
import type { CreditSubjectConnectionMapper, CreditSubjectMapper } from './mappers.ts';
import { classifyQuery, likeEscape, suggestTerm, type SearchTerm } from './rules.ts';

function conditionsFor(term: SearchTerm, args: QuerySearchSubjectsArgs): Prisma.Sql[] {
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

const REGISTRATION_STATUSES = [
  'ACTIVE',
  'REVOKED',
  'CANCELLED',
  'MOVED_OUT',
] as const satisfies readonly CreditSubjectMapper['registrationStatus'][];

/** A row of subject.credit_subject as the search selects it, in the resolvers' shape. */
const SubjectRow = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(SUBJECT_KINDS),
    region_code: z.string(),
    industry_code: z.string().nullable(),
    legal_representative: z.string().nullable(),
    registration_status: z.enum(REGISTRATION_STATUSES),
    established_on: z.date().nullable(),
  })
  .transform((r): CreditSubjectMapper => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    regionCode: r.region_code,
    industryCode: r.industry_code,
    legalRepresentative: r.legal_representative,
    registrationStatus: r.registration_status,
    establishedOn: r.established_on,
  }));
const CountRow = z.object({ n: z.bigint() });

/**
 * The statement of one search page, exported so that a test can EXPLAIN exactly what the search runs (which index
 * answers a name fragment and a code prefix).
 */
export function searchStatement(args: QuerySearchSubjectsArgs) {
  const page = readPage(args, isString);
  const term = classifyQuery(args.query);
  const conditions = conditionsFor(term, args);
  const pageConditions = page.after === null ? conditions : [...conditions, Prisma.sql`code > ${page.after}`];
  const statement = Prisma.sql`
    SELECT code, name, kind::text AS kind, region_code, industry_code, legal_representative,
           registration_status::text AS registration_status, established_on
    FROM subject.credit_subject
    ${where(pageConditions)}
    ORDER BY code
    LIMIT ${page.limit}`;
  return { statement, page, conditions };
}

/**
 * searchSubjects: keyset paging ordered by code. The name condition is answered by the GIN index on
 * name_grams and the code prefix by the text_pattern_ops index; see migration 0002.
 */
export async function searchSubjects(db: Db, args: QuerySearchSubjectsArgs): Promise<CreditSubjectConnectionMapper> {
  const { statement, page, conditions } = searchStatement(args);
  const rows = await db.prisma.$queryRaw<unknown[]>(statement);
  const subjects = z.array(SubjectRow).parse(rows);
  return {
    ...toConnection(subjects, page, (s) => s.code),
    // Counting is as expensive as the search itself: only done when the client selects totalCount.
    totalCount: async () => {
      const [row] = z
        .array(CountRow)
        .parse(
          await db.prisma.$queryRaw<unknown[]>`SELECT count(*) AS n FROM subject.credit_subject ${where(conditions)}`,
        );
      return Number(row?.n ?? 0n);
    },
  };
}

/**
 * suggestSubjects: at most `first` subjects for the typeahead, from the same indexes as the search (name_grams GIN,
 * code text_pattern_ops) but without a count. Names that begin with the fragment come first, then shorter names (the
 * likelier completion), then by code. Never a natural person, not even by key.
 */
export async function suggestSubjects(db: Db, prefix: string, first: number | null | undefined) {
  const term = suggestTerm(prefix, first);
  if (term.type === 'personKey' || term.type === 'none') return [];
  const conditions = conditionsFor(term, {});
  const startsWith = term.type === 'name' ? likeEscape(term.fragment) + '%' : '';
  const rows = await db.prisma.$queryRaw<unknown[]>`
    SELECT code, name, kind::text AS kind, region_code, industry_code, legal_representative,
           registration_status::text AS registration_status, established_on
    FROM subject.credit_subject
    ${where(conditions)}
    ORDER BY (lower(name) LIKE ${startsWith}) DESC, char_length(name), code
    LIMIT ${term.limit}`;
  return z.array(SubjectRow).parse(rows);
}

const CountByPrefix = z.object({ prefix: z.string(), n: z.number().int() });

/**
 * Government bodies and public institutions (机关和事业单位) registered under each region prefix, every prefix of a
 * request in one statement, in the order given (the RegionIntegrity loader's batch).
 */
export async function governmentBodyCounts(db: Db, prefixes: readonly string[]): Promise<number[]> {
  const rows = await db.prisma.$queryRaw<unknown[]>`
    SELECT p.prefix, count(s.code)::int AS n
    FROM unnest(${prefixes}::text[]) AS p(prefix)
    LEFT JOIN subject.credit_subject s
      ON s.region_code LIKE p.prefix || '%' AND s.kind IN ('GOVERNMENT_BODY', 'PUBLIC_INSTITUTION')
    GROUP BY p.prefix`;
  const byPrefix = new Map(
    z
      .array(CountByPrefix)
      .parse(rows)
      .map((r) => [r.prefix, r.n]),
  );
  return prefixes.map((p) => byPrefix.get(p) ?? 0);
}

/**
 * The person key of the holder of a checked 居民身份证号码, or null. Reads subject.person_identity, which only this
 * privileged, audited look-up selects (the resolver requires a purpose and records the look-up).
 */
export async function personCodeByIdNumber(db: Db, idNumber: string): Promise<string | null> {
  const row = await db.prisma.personIdentity.findUnique({ where: { idNumber }, select: { code: true } });
  return row?.code ?? null;
}
