/**
 * The subject register's reads: the search page and its count, the person look-up, and the batch statements the
 * loaders run. Raw rows are parsed (zod), never cast. Reference data (regions, industries) is read in reference/.
 *
 * The statements are built with Prisma.sql (composable, parameters never spliced into the text) but sent straight to
 * the node-postgres pool (`db.sql`): Prisma's raw-query path ran its runtime and WASM engine on every search, about
 * a seventh of the subgraph's CPU per search (docs/adr/0132). They go unnamed, so PostgreSQL plans each with its
 * values: a generic plan of `code LIKE $1` could not use the code index's prefix range.
 */
import { isString, readPage, regionPrefix, toConnection, z } from '@credit-hub/kit';
import { SUBJECT_KINDS } from '@credit-hub/kit/codes';
import { Prisma, type Db } from '@credit-hub/kit/db';
import type { QuerySearchSubjectsArgs } from './__generated__/types.ts';
import type { CreditSubjectConnectionMapper, CreditSubjectMapper } from './mappers.ts';
import { classifyQuery, likeEscape, suggestTerm, type SearchTerm } from './rules.ts';

/**
 * The where conditions of a search on subject.credit_subject. `gin: false` leaves out the name_grams containment when
 * the statement finds its candidates in the postings instead (the LIKE recheck decides either way).
 */
function conditionsFor(term: SearchTerm, args: QuerySearchSubjectsArgs, gin = true): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  switch (term.type) {
    case 'personKey':
      conditions.push(Prisma.sql`code = ${term.code}`);
      break;
    case 'codePrefix':
      conditions.push(Prisma.sql`code LIKE ${likeEscape(term.prefix) + '%'}`);
      break;
    case 'name':
      if (gin) conditions.push(Prisma.sql`name_grams @> ${term.grams}::text[]`);
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
    // Epoch milliseconds of the date's UTC midnight (SELECT_SUBJECT): node-postgres would read a date in the
    // process's time zone.
    established_on: z.number().nullable(),
  })
  .transform((r): CreditSubjectMapper => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    regionCode: r.region_code,
    industryCode: r.industry_code,
    legalRepresentative: r.legal_representative,
    registrationStatus: r.registration_status,
    establishedOn: r.established_on === null ? null : new Date(r.established_on),
  }));
// count(*) is int8, which node-postgres returns as text.
const CountRow = z.object({ n: z.coerce.number().int() });

/**
 * How many postings of a character pair the search counts, at most, to find a fragment's rarest pair: enough to tell
 * a city's or a county's pair (义乌, 乌市: 31,000 names at a million subjects) from the pair that makes a name prefix
 * rare (市智: 1,108), few enough that counting costs about 35 index pages per pair, from the index alone. With a cap
 * of 1,000, 义乌市智 tied its three pairs and walked 义乌's postings (20,851 buffers instead of a few hundred).
 */
export const POSTING_COUNT_CAP = 10_000;

const SELECT_SUBJECT = Prisma.sql`
    SELECT code, name, kind::text AS kind, region_code, industry_code, legal_representative,
           registration_status::text AS registration_status,
           floor(extract(epoch FROM established_on) * 1000)::float8 AS established_on`;

/** The rows of a Prisma.sql statement, sent on the pool (see the header). */
const rowsOf = (db: Db, statement: Prisma.Sql) => db.sql.rows(statement.text, statement.values);

/**
 * The statement of one search page, exported so that a test can EXPLAIN exactly what the search runs (which index
 * answers a name fragment and a code prefix).
 *
 * A fragment of two characters or more walks subject.name_posting (migration 0074, ADR 0121): the postings of its
 * rarest character pair, in code order from the cursor on, each name rechecked with LIKE (the other pairs, their
 * order and adjacency, the kind and region filters), stopping after the page. The work is the page plus the pair's
 * postings that fail the recheck, however many names hold a common word. A single character stays on the GIN index.
 */
export function searchStatement(args: QuerySearchSubjectsArgs) {
  const page = readPage(args, isString);
  const term = classifyQuery(args.query);
  const conditions = conditionsFor(term, args);
  if (term.type === 'name' && [...term.fragment].length >= 2) {
    // One pair (a two-character fragment) needs no choice. It is still given as an init plan: with the pair's value
    // in sight, the planner trusts its guess of the LIKE's selectivity (a few hundred names where 杭州 has 160,000)
    // and scans and sorts the whole table (1.9 s); an init plan's value it prices by the postings' average, and walks.
    // subject.rarest_gram (migration 0080) counts each pair only up to the fewest postings found so far.
    const rarest =
      term.grams.length === 1
        ? Prisma.sql`(SELECT ${term.grams[0]}::text)`
        : Prisma.sql`(SELECT subject.rarest_gram(${term.grams}::text[], ${POSTING_COUNT_CAP}))`;
    const walk = [Prisma.sql`gram = ${rarest}`, ...conditionsFor(term, args, false)];
    // The cursor bounds the postings' index range itself (subject_code), not only the joined row's code.
    if (page.after !== null) walk.push(Prisma.sql`subject_code > ${page.after}`, Prisma.sql`code > ${page.after}`);
    const statement = Prisma.sql`${SELECT_SUBJECT}
    FROM subject.name_posting JOIN subject.credit_subject ON code = subject_code
    ${where(walk)}
    ORDER BY subject_code
    LIMIT ${page.limit}`;
    return { statement, page, conditions };
  }
  const pageConditions = page.after === null ? conditions : [...conditions, Prisma.sql`code > ${page.after}`];
  const statement = Prisma.sql`${SELECT_SUBJECT}
    FROM subject.credit_subject
    ${where(pageConditions)}
    ORDER BY code
    LIMIT ${page.limit}`;
  return { statement, page, conditions };
}

/**
 * The count of a search (exact). A two-character fragment without filters is one pair, and its postings are exactly
 * the searchable names that hold it: counted from the index alone (科技 at a million subjects: 55,000 index entries,
 * no heap visit). Anything else rechecks every match (ADR 0121: a common word of three pairs or more still costs
 * seconds at a million subjects).
 */
function countStatement(args: QuerySearchSubjectsArgs, conditions: Prisma.Sql[]) {
  const term = classifyQuery(args.query);
  if (term.type === 'name' && [...term.fragment].length === 2 && !args.kind && !args.regionCode)
    return Prisma.sql`SELECT count(*) AS n FROM subject.name_posting WHERE gram = ${term.grams[0]}`;
  return Prisma.sql`SELECT count(*) AS n FROM subject.credit_subject ${where(conditions)}`;
}

/**
 * searchSubjects: keyset paging ordered by code. A name fragment walks the postings (searchStatement), a code prefix
 * the primary key (code is COLLATE "C", migration 0009); the count still reads the GIN index on name_grams.
 */
export async function searchSubjects(db: Db, args: QuerySearchSubjectsArgs): Promise<CreditSubjectConnectionMapper> {
  const { statement, page, conditions } = searchStatement(args);
  const subjects = z.array(SubjectRow).parse(await rowsOf(db, statement));
  return {
    ...toConnection(subjects, page, (s) => s.code),
    // Counting is as expensive as the search itself: only done when the client selects totalCount.
    totalCount: async () => {
      const [row] = z.array(CountRow).parse(await rowsOf(db, countStatement(args, conditions)));
      return row?.n ?? 0;
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
  const rows = await rowsOf(
    db,
    Prisma.sql`${SELECT_SUBJECT}
    FROM subject.credit_subject
    ${where(conditions)}
    ORDER BY (lower(name) LIKE ${startsWith}) DESC, char_length(name), code
    LIMIT ${term.limit}`,
  );
  return z.array(SubjectRow).parse(rows);
}

const CountByPrefix = z.object({ prefix: z.string(), n: z.number().int() });

/**
 * Government bodies and public institutions (机关和事业单位) registered under each region prefix, every prefix of a
 * request in one statement, in the order given (the RegionIntegrity loader's batch).
 */
export async function governmentBodyCounts(db: Db, prefixes: readonly string[]): Promise<number[]> {
  const rows = await rowsOf(
    db,
    Prisma.sql`
    SELECT p.prefix, count(s.code)::int AS n
    FROM unnest(${prefixes}::text[]) AS p(prefix)
    LEFT JOIN subject.credit_subject s
      ON s.region_code LIKE p.prefix || '%' AND s.kind IN ('GOVERNMENT_BODY', 'PUBLIC_INSTITUTION')
    GROUP BY p.prefix`,
  );
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
