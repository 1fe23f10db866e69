import { randomInt } from 'node:crypto';
import { personKey } from '../codes/person-key.ts';
import type { Db } from '../db/client.ts';
import type { Prisma } from '../../generated/prisma/index.js';
import { makeIdNumber, makeUscc } from './fixtures.ts';

/**
 * Seed builders: the rows a subgraph-tier or end-to-end test stands on, made through one typed door with codes
 * that are valid and unique, so that no test picks codes by hand or collides with another test's rows.
 *
 *   const seed = initSeed(tdb.db);
 *   const firm = await seed.subject({ name: '杭州鑫达贸易有限公司', regionCode: '330106' });
 *   const person = await seed.person({ name: '王建国', birthDate: '19780615' });
 *   const orders = seed.rows('ConsumptionRestriction', (o: { subjectCode: string }) => ({ …defaults, ...o }));
 *   await orders({ subjectCode: firm.code });
 *
 * Department rows carry the department's rules (a court case's term follows from its behaviours), so a
 * subgraph's own builders live in its `test/seed.ts`, made with `seed.rows`; the kit holds the subjects every
 * department refers to and the mechanism. Each builder returns the stored row.
 */

type Model = Prisma.ModelName;
type Create<M extends Model> = Prisma.TypeMap['model'][M]['operations']['create'];
/** What `prisma.<model>.create({ data })` takes, and the row it returns. */
type CreateData<M extends Model> = Create<M>['args']['data'];
type Created<M extends Model> = Prisma.TypeMap['model'][M]['payload']['scalars'];

/** Letters a USCC body may hold besides digits (no I, O, S, V, Z: GB 32100-2015). */
const BODY_LETTERS = 'ABCDEFGHJKLMNPQRTUWXY';
/** A process-wide counter with a random start: two seeds (or two files in one database) never repeat a code. */
let serial = randomInt(0, BODY_LETTERS.length ** 2 * 1000);

/** A fresh 8-character organisation body: `T`, two letters and five digits from the counter. */
function nextBody(): string {
  serial += 1;
  const n = serial % (BODY_LETTERS.length ** 2 * 100_000);
  const letters = Math.floor(n / 100_000);
  return (
    'T' +
    BODY_LETTERS[Math.floor(letters / BODY_LETTERS.length)]! +
    BODY_LETTERS[letters % BODY_LETTERS.length]! +
    String(n % 100_000).padStart(5, '0')
  );
}

/** USCC registration categories of the subject kinds an organisation can have (GB 32100-2015, kit codes/kind.ts). */
const CATEGORY = {
  ENTERPRISE: '91',
  INDIVIDUAL_BUSINESS: '92',
  FARMERS_COOPERATIVE: '93',
  GOVERNMENT_BODY: '11',
  PUBLIC_INSTITUTION: '12',
  SOCIAL_ORGANISATION: '51',
  OTHER: 'Y1',
} as const;
export type OrganisationKind = keyof typeof CATEGORY;

export interface Seed {
  /** A valid USCC not used before: the kind's registration category, the region's division code. */
  uscc(kind?: OrganisationKind, regionCode?: string): string;
  /** A valid 18-digit 居民身份证号码 not used before, born on `birthDate` (YYYYMMDD). */
  idNumber(regionCode?: string, birthDate?: string): string;
  /** The person key the platform gives the holder of `idNumber` under this seed's secret (docs/adr/0003). */
  personKey(idNumber: string): string;
  /** An organisation in the subject register (subject.credit_subject); the code is made when not given. */
  subject(
    overrides?: Partial<Prisma.CreditSubjectCreateManyInput> & { kind?: OrganisationKind },
  ): Promise<Prisma.CreditSubjectGetPayload<object>>;
  /** A natural person in the register: the subject keyed by person key, and its identity row. */
  person(
    overrides?: Partial<Omit<Prisma.CreditSubjectCreateManyInput, 'kind'>> & { birthDate?: string },
  ): Promise<Prisma.CreditSubjectGetPayload<object> & { idNumber: string }>;
  /**
   * A typed builder of one model's rows: `make(input)` turns what a test states (`O`: the columns it cares about,
   * and whatever the department's rules derive the rest from) into a complete row, defaults filled in. Used by a
   * subgraph's test/seed.ts for its department's tables.
   */
  rows<M extends Model, O extends object>(model: M, make: (input: O) => CreateData<M>): RowBuilder<M, O>;
}

/** A builder of one model's rows (Seed.rows). */
export interface RowBuilder<M extends Model, O extends object> {
  /** Stores one row and returns it. */
  (input: O): Promise<Created<M>>;
  /** Stores many rows in one statement, in the given order (ids ascend with it); returns how many. */
  many(list: readonly O[]): Promise<number>;
  /** The complete row data, stored nowhere (a test of what the database itself refuses). */
  data(input: O): CreateData<M>;
}

/** The person-key secret tests key persons with when they do not say (the subgraph under test must use the same). */
export const TEST_PERSON_KEY_SECRET = 'test-person-key-secret-0123456789';

export function initSeed(db: Db, options: { personKeySecret?: string } = {}): Seed {
  const secret = options.personKeySecret ?? TEST_PERSON_KEY_SECRET;
  let people = 0;
  const seed: Seed = {
    uscc: (kind = 'ENTERPRISE', regionCode = '330106') => makeUscc(CATEGORY[kind], regionCode, nextBody()),
    idNumber: (regionCode = '330106', birthDate = '19800101') => {
      people += 1;
      // The sequence code's three digits come from the same counter as the USCC bodies.
      serial += 1;
      return makeIdNumber(regionCode, birthDate, String((serial + people) % 1000).padStart(3, '0'));
    },
    personKey: (idNumber) => personKey(idNumber, secret),
    subject: ({ kind = 'ENTERPRISE', ...overrides } = {}) => {
      const regionCode = overrides.regionCode ?? '330106';
      return db.prisma.creditSubject.create({
        data: {
          code: overrides.code ?? seed.uscc(kind, regionCode),
          name: `测试主体${serial}有限公司`,
          kind,
          regionCode,
          industryCode: 'I',
          legalRepresentative: kind === 'GOVERNMENT_BODY' ? null : '张伟',
          ...overrides,
        },
      });
    },
    person: async ({ birthDate, ...overrides } = {}) => {
      const regionCode = overrides.regionCode ?? '330106';
      const idNumber = seed.idNumber(regionCode, birthDate);
      const code = seed.personKey(idNumber);
      const subject = await db.prisma.creditSubject.create({
        data: {
          code,
          name: '王建国',
          kind: 'NATURAL_PERSON',
          regionCode,
          legalRepresentative: null,
          ...overrides,
          identity: { create: { idNumber } },
        },
      });
      return { ...subject, idNumber };
    },
    rows: <M extends Model, O extends object>(model: M, make: (input: O) => CreateData<M>) => {
      // One generic door over every model's delegate: TypeScript cannot relate a model name to its delegate's
      // overloaded methods, so the delegate is addressed by its shape here, and the builder's type says the rest.
      const delegate = db.prisma[(model.charAt(0).toLowerCase() + model.slice(1)) as Uncapitalize<M>] as unknown as {
        create(args: { data: unknown }): Promise<Created<M>>;
        createMany(args: { data: unknown[] }): Promise<{ count: number }>;
      };
      const builder = ((input: O) => delegate.create({ data: make(input) })) as RowBuilder<M, O>;
      builder.many = async (list) => (await delegate.createMany({ data: list.map(make) })).count;
      builder.data = make;
      return builder;
    },
  };
  return seed;
}
