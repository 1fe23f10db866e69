/**
 * Bulk loading with COPY FROM STDIN. The big tables stream over five connections at once, one
 * PostgreSQL backend each, so the database works on every core while this process generates the next
 * batch: subjects, tax ratings, market registrations, annual reports and 经营异常名录 entries. The
 * small tables (persons, tax black-list entries, 严重违法失信名单, court cases and 限制消费令) are
 * collected and follow on the same connections once the streams are done. Each connection loads in
 * one transaction and a failure anywhere rolls all of them back: a failed load leaves nothing behind.
 */
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import { checkOptions, generate } from './generate.ts';
import type {
  AbnormalOperationRow,
  AnnualReportRow,
  ArrearsRow,
  CommitmentRow,
  ComplaintRow,
  DischargePermitRow,
  EnvironmentalPenaltyRow,
  EnvironmentalRatingRow,
  ConsumptionRestrictionRow,
  DishonestDebtorCaseRow,
  GenerateOptions,
  PersonIdentityRow,
  RatingRow,
  RegistrationRow,
  SeriousIllegalListingRow,
  SubjectRow,
  ViolationRow,
} from './types.ts';

export interface LoadOptions extends GenerateOptions {
  log?: (line: string) => void;
  /** Add to a table that already has subjects (start index defaults to the current row count). */
  append?: boolean;
  /**
   * Drop the secondary indexes of the streamed tables for the load and rebuild them after it. Default:
   * for loads of 100,000 subjects or more, where one index build beats a million incremental GIN insertions.
   */
  dropIndexes?: boolean;
}

export interface LoadResult {
  subjects: number;
  persons: number;
  ratings: number;
  violations: number;
  /** market.registration */
  registrations: number;
  /** market.annual_report */
  annualReports: number;
  /** market.abnormal_operation */
  abnormalEntries: number;
  /** market.serious_illegal_listing */
  seriousListings: number;
  /** court.dishonest_debtor_case */
  courtCases: number;
  /** court.consumption_restriction */
  restrictions: number;
  /** environment.credit_rating */
  environmentalRatings: number;
  /** environment.penalty */
  environmentalPenalties: number;
  /** environment.discharge_permit */
  dischargePermits: number;
  /** government.arrears */
  arrears: number;
  /** government.arrears_payment */
  arrearsPayments: number;
  /** government.commitment */
  commitments: number;
  /** government.complaint */
  complaints: number;
  ms: number;
}

export const DROP_INDEXES_FROM = 100_000;

/** Subjects per write: big enough that a COPY message is worth its header, small enough to interleave. */
const BATCH = 1000;

const SUBJECT_COPY =
  'COPY subject.credit_subject (code, name, kind, region_code, industry_code, legal_representative, registration_status, established_on) FROM STDIN';
const PERSON_COPY = 'COPY subject.person_identity (code, id_number) FROM STDIN';
const RATING_COPY =
  'COPY tax.credit_rating (subject_code, region_code, year, level, score, evaluated_on, authority) FROM STDIN';
const VIOLATION_COPY =
  'COPY tax.major_violation (subject_code, region_code, taxpayer_name, registered_address, responsible_person_name, responsible_person_sex, ' +
  'responsible_person_id_number, situation, main_facts, legal_basis, penalty, amount_involved, inspecting_authority, authority_code, ' +
  'decision_served_on, published_on, publicity_ends_on, status, removed_on, removal_reason, removal_ground, stop_applied_on, ' +
  'paid_on) FROM STDIN';
const REGISTRATION_COPY =
  'COPY market.registration (subject_code, name, entity_type, legal_representative, established_on, registered_capital, currency, ' +
  'business_scope, address, registration_authority, region_code, status, approved_on) FROM STDIN';
const ANNUAL_REPORT_COPY = 'COPY market.annual_report (subject_code, year, filed_on) FROM STDIN';
const ABNORMAL_COPY =
  'COPY market.abnormal_operation (subject_code, region_code, kind, reason, listing_authority, listing_document, listed_on, ' +
  'cured_on, applied_on, removal_deadline, removed_on, removal_reason, removal_authority, status) FROM STDIN';
const SERIOUS_COPY =
  'COPY market.serious_illegal_listing (subject_code, region_code, ground, penalty_kind, penalty_decision, basis, facts, ' +
  'decision_document, listing_authority, listed_on, expires_on, removed_on, removal_ground, removal_basis, repair_applied_on, ' +
  'penalty_performed, harm_removed, no_new_heavy_penalty, status) FROM STDIN';
const CASE_COPY =
  'COPY court.dishonest_debtor_case (case_number, subject_code, debtor_kind, debtor_name, legal_representative, sex, age, id_number, ' +
  'region_code, court_name, filed_on, basis_document_number, basis_issuer, obligation, performance, performed_part, unperformed_part, ' +
  'behaviours, decided_on, term_years, term_extension_years, term_extension_ground, term_extension_reason, listed_until, ' +
  'published_on, status, withdrawn_on, withdrawal_reason, withdrawal_note, ground_arisen_on, deletion_deadline) FROM STDIN';
const RESTRICTION_COPY =
  'COPY court.consumption_restriction (subject_code, case_number, court_name, restricted_person, region_code, issued_on, status, ' +
  'lifted_on, lift_reason) FROM STDIN';

const ENV_RATING_COPY =
  'COPY environment.credit_rating (subject_code, region_code, industry_code, year, grade, pollution_prevention, ecological_protection, ' +
  'environmental_management, social_supervision, authority, evaluated_on) FROM STDIN';
const ENV_PENALTY_COPY =
  'COPY environment.penalty (subject_code, region_code, decision_number, violation_type, facts, legal_basis, fine, decided_on, authority) FROM STDIN';
const PERMIT_COPY =
  'COPY environment.discharge_permit (subject_code, region_code, permit_number, industry, valid_from, valid_until, status, authority) FROM STDIN';
const ARREARS_COPY =
  'COPY government.arrears (id, debtor_code, creditor_code, region_code, description, amount, paid_amount, due_on, recorded_on, status, ' +
  'cleared_on) FROM STDIN';
const PAYMENT_COPY = 'COPY government.arrears_payment (arrears_id, amount, paid_on) FROM STDIN';
const COMMITMENT_COPY =
  'COPY government.commitment (body_code, region_code, content, made_on, due_on, status, fulfilled_on, evidence) FROM STDIN';
const COMPLAINT_COPY =
  'COPY government.complaint (body_code, complainant_code, region_code, content, received_on, outcome, handled_on, handling_note) FROM STDIN';

const SPECIAL = /[\\\t\n\r]/;

/** A boolean column in COPY text format. */
const bool = (value: boolean | null) => (value === null ? null : value ? 't' : 'f');

/** COPY text format: tab-separated, \N for NULL, backslash escapes. Generated text never needs them, but names from elsewhere might. */
function field(value: string | number | null): string {
  if (value === null) return '\\N';
  const s = String(value);
  return SPECIAL.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
}

function line(values: (string | number | null)[]): string {
  let out = field(values[0]!);
  for (let i = 1; i < values.length; i++) out += '\t' + field(values[i]!);
  return out + '\n';
}

const subjectLine = (s: SubjectRow) =>
  line([
    s.code,
    s.name,
    s.kind,
    s.regionCode,
    s.industryCode,
    s.legalRepresentative,
    s.registrationStatus,
    s.establishedOn,
  ]);
const personLine = (p: PersonIdentityRow) => line([p.code, p.idNumber]);
const ratingLine = (r: RatingRow) =>
  line([r.subjectCode, r.regionCode, r.year, r.level, r.score, r.evaluatedOn, r.authority]);
const violationLine = (v: ViolationRow) =>
  line([
    v.subjectCode,
    v.regionCode,
    v.taxpayerName,
    v.registeredAddress,
    v.responsiblePersonName,
    v.responsiblePersonSex,
    v.responsiblePersonIdNumber,
    v.situation,
    v.mainFacts,
    v.legalBasis,
    v.penalty,
    v.amountInvolved,
    v.inspectingAuthority,
    v.authorityCode,
    v.decisionServedOn,
    v.publishedOn,
    v.publicityEndsOn,
    v.status,
    v.removedOn,
    v.removalReason,
    v.removalGround,
    v.stopAppliedOn,
    v.paidOn,
  ]);
const registrationLine = (r: RegistrationRow) =>
  line([
    r.subjectCode,
    r.name,
    r.entityType,
    r.legalRepresentative,
    r.establishedOn,
    r.registeredCapital,
    r.currency,
    r.businessScope,
    r.address,
    r.registrationAuthority,
    r.regionCode,
    r.status,
    r.approvedOn,
  ]);
const annualReportLine = (r: AnnualReportRow) => line([r.subjectCode, r.year, r.filedOn]);
const abnormalLine = (a: AbnormalOperationRow) =>
  line([
    a.subjectCode,
    a.regionCode,
    a.kind,
    a.reason,
    a.listingAuthority,
    a.listingDocument,
    a.listedOn,
    a.curedOn,
    a.appliedOn,
    a.removalDeadline,
    a.removedOn,
    a.removalReason,
    a.removalAuthority,
    a.status,
  ]);
const seriousLine = (l: SeriousIllegalListingRow) =>
  line([
    l.subjectCode,
    l.regionCode,
    l.ground,
    l.penaltyKind,
    l.penaltyDecision,
    l.basis,
    l.facts,
    l.decisionDocument,
    l.listingAuthority,
    l.listedOn,
    l.expiresOn,
    l.removedOn,
    l.removalGround,
    l.removalBasis,
    l.repairAppliedOn,
    bool(l.penaltyPerformed),
    bool(l.harmRemoved),
    bool(l.noNewHeavyPenalty),
    l.status,
  ]);
const caseLine = (c: DishonestDebtorCaseRow) =>
  line([
    c.caseNumber,
    c.subjectCode,
    c.debtorKind,
    c.debtorName,
    c.legalRepresentative,
    c.sex,
    c.age,
    c.idNumber,
    c.regionCode,
    c.courtName,
    c.filedOn,
    c.basisDocumentNumber,
    c.basisIssuer,
    c.obligation,
    c.performance,
    c.performedPart,
    c.unperformedPart,
    `{${c.behaviours.join(',')}}`,
    c.decidedOn,
    c.termYears,
    c.termExtensionYears,
    c.termExtensionGround,
    c.termExtensionReason,
    c.listedUntil,
    c.publishedOn,
    c.status,
    c.withdrawnOn,
    c.withdrawalReason,
    c.withdrawalNote,
    c.groundArisenOn,
    c.deletionDeadline,
  ]);
const restrictionLine = (r: ConsumptionRestrictionRow) =>
  line([
    r.subjectCode,
    r.caseNumber,
    r.courtName,
    r.restrictedPerson,
    r.regionCode,
    r.issuedOn,
    r.status,
    r.liftedOn,
    r.liftReason,
  ]);

const envRatingLine = (r: EnvironmentalRatingRow) =>
  line([
    r.subjectCode,
    r.regionCode,
    r.industryCode,
    r.year,
    r.grade,
    r.pollutionPrevention,
    r.ecologicalProtection,
    r.environmentalManagement,
    r.socialSupervision,
    r.authority,
    r.evaluatedOn,
  ]);
const envPenaltyLine = (p: EnvironmentalPenaltyRow) =>
  line([
    p.subjectCode,
    p.regionCode,
    p.decisionNumber,
    p.violationType,
    p.facts,
    p.legalBasis,
    p.fine,
    p.decidedOn,
    p.authority,
  ]);
const permitLine = (p: DischargePermitRow) =>
  line([p.subjectCode, p.regionCode, p.permitNumber, p.industry, p.validFrom, p.validUntil, p.status, p.authority]);
const arrearsLine = (id: number, a: ArrearsRow) =>
  line([
    id,
    a.debtorCode,
    a.creditorCode,
    a.regionCode,
    a.description,
    a.amount,
    a.paidAmount,
    a.dueOn,
    a.recordedOn,
    a.status,
    a.clearedOn,
  ]);
const commitmentLine = (c: CommitmentRow) =>
  line([c.bodyCode, c.regionCode, c.content, c.madeOn, c.dueOn, c.status, c.fulfilledOn, c.evidence]);
const complaintLine = (c: ComplaintRow) =>
  line([c.bodyCode, c.complainantCode, c.regionCode, c.content, c.receivedOn, c.outcome, c.handledOn, c.handlingNote]);

/**
 * Takes `n` ids from government.arrears' sequence for rows that arrears_payment must point at. nextval
 * and setval are outside the transaction, so a concurrent load cannot get the same ids and a rolled
 * back one only leaves a gap.
 */
async function reserveArrearsIds(client: pg.Client, n: number): Promise<number> {
  const seq = `pg_get_serial_sequence('government.arrears', 'id')`;
  const { rows } = await client.query<{ first: string }>(`SELECT nextval(${seq}) AS first`);
  const first = Number(rows[0]!.first);
  if (n > 1) await client.query(`SELECT setval(${seq}, $1)`, [first + n - 1]);
  return first;
}

interface IndexDef {
  name: string;
  definition: string;
}

/**
 * Indexes of a table that are not backing a constraint (primary keys must stay: person_identity's
 * foreign key needs credit_subject's). Definitions are read from the catalogue, so what is rebuilt
 * is exactly what the migrations created, including indexes added by later migrations.
 */
async function secondaryIndexes(client: pg.Client, schema: string, table: string): Promise<IndexDef[]> {
  const { rows } = await client.query<IndexDef>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND t.relname = $2
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
      ORDER BY i.relname`,
    [schema, table],
  );
  return rows;
}

async function dropIndexes(client: pg.Client, tables: readonly (readonly [string, string])[]): Promise<IndexDef[]> {
  const all: IndexDef[] = [];
  for (const [schema, table] of tables) {
    for (const index of await secondaryIndexes(client, schema, table)) {
      await client.query(`DROP INDEX "${schema}"."${index.name}"`);
      all.push(index);
    }
  }
  return all;
}

async function recreate(client: pg.Client, indexes: readonly IndexDef[]): Promise<void> {
  for (const index of indexes) await client.query(index.definition);
}

/**
 * Writes and waits only when the socket pushes back. A COPY that fails (a duplicate key, say) makes
 * the wait reject instead of hang; listeners are removed either way, as this runs once per batch.
 */
function write(stream: CopyStreamQuery, chunk: string): Promise<void> {
  if (chunk.length === 0 || stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

/**
 * COPY streams that failed. pg-copy-streams drops a failed stream's connection, so writing to it,
 * ending it or destroying it afterwards throws a TypeError (from a callback, where nothing catches
 * it) instead of reporting the database's error: nothing may touch such a stream again.
 */
const failed = new WeakSet<CopyStreamQuery>();

/** Starts a COPY whose failure is remembered, so that an error between two writes is not an unhandled 'error' event. */
function startCopy(client: pg.Client, sql: string, failures: Error[]): CopyStreamQuery {
  const stream = client.query(copyFrom(sql));
  stream.on('error', (error: Error) => {
    failed.add(stream);
    failures.push(error);
  });
  return stream;
}

/** Throws the first COPY failure: called before every write and end, as those would touch a failed stream. */
function check(failures: readonly Error[]): void {
  if (failures.length > 0) throw failures[0];
}

async function copyAll(client: pg.Client, sql: string, lines: readonly string[], failures: Error[]): Promise<void> {
  if (lines.length === 0) return;
  const stream = startCopy(client, sql, failures);
  for (let i = 0; i < lines.length; i += BATCH) {
    check(failures);
    await write(stream, lines.slice(i, i + BATCH).join(''));
  }
  check(failures);
  stream.end();
  await finished(stream);
}

async function connect(url: string, name: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: `credit-hub-datagen-${name}` });
  await client.connect();
  return client;
}

/**
 * One connection and its transaction: a table streamed during generation, then the small tables
 * collected meanwhile. `tables` are those whose secondary indexes are dropped for a big load.
 */
interface Lane {
  name: string;
  copy: string;
  tables: readonly (readonly [string, string])[];
  after: readonly { copy: string; rows: string[] }[];
  /** Runs before the `after` copies, on the lane's connection (fills rows that need database ids). */
  prepare?: (client: pg.Client) => Promise<void>;
  client?: pg.Client;
  stream?: CopyStreamQuery;
  chunk: string;
  dropped: IndexDef[];
}

/**
 * Loads `subjects` generated subjects with everything generated about them: person identities, tax
 * ratings and black-list entries, market registrations, annual reports, 经营异常名录 and 严重违法失信名单
 * entries, 失信被执行人 cases and 限制消费令. Refuses to touch a database that already has subjects
 * unless `append` is set, because mixing a demo load into real data is a mistake nobody wants to make
 * silently.
 */
export async function loadDemoData(url: string, options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;

  const persons: string[] = [];
  const violations: string[] = [];
  const serious: string[] = [];
  const cases: string[] = [];
  const restrictions: string[] = [];
  const envRatings: string[] = [];
  const envPenalties: string[] = [];
  const permits: string[] = [];
  const arrears: ArrearsRow[] = [];
  const arrearsLines: string[] = [];
  const paymentLines: string[] = [];
  const commitments: string[] = [];
  const complaints: string[] = [];
  const lanes: Lane[] = [
    {
      name: 'subjects',
      copy: SUBJECT_COPY,
      // name_posting is filled by credit_subject's statement trigger (migration 0074) when the COPY ends, in the
      // same transaction: its unique index is dropped with the others and built once over the sorted postings.
      tables: [
        ['subject', 'credit_subject'],
        ['subject', 'person_identity'],
        ['subject', 'name_posting'],
      ],
      after: [{ copy: PERSON_COPY, rows: persons }],
      chunk: '',
      dropped: [],
    },
    {
      name: 'tax',
      copy: RATING_COPY,
      tables: [
        ['tax', 'credit_rating'],
        ['tax', 'major_violation'],
      ],
      after: [{ copy: VIOLATION_COPY, rows: violations }],
      chunk: '',
      dropped: [],
    },
    {
      name: 'register',
      copy: REGISTRATION_COPY,
      tables: [['market', 'registration']],
      after: [{ copy: ENV_RATING_COPY, rows: envRatings }],
      chunk: '',
      dropped: [],
    },
    {
      name: 'reports',
      copy: ANNUAL_REPORT_COPY,
      tables: [['market', 'annual_report']],
      after: [
        { copy: CASE_COPY, rows: cases },
        { copy: ENV_PENALTY_COPY, rows: envPenalties },
        { copy: PERMIT_COPY, rows: permits },
      ],
      chunk: '',
      dropped: [],
    },
    {
      name: 'abnormal',
      copy: ABNORMAL_COPY,
      tables: [['market', 'abnormal_operation']],
      // 严重违法失信名单 rows may reference 经营异常名录 entries (a 3-year transfer): loading them in the transaction
      // that holds abnormal_operation keeps their foreign-key check from waiting on another lane's lock.
      after: [
        { copy: SERIOUS_COPY, rows: serious },
        { copy: RESTRICTION_COPY, rows: restrictions },
        { copy: ARREARS_COPY, rows: arrearsLines },
        { copy: PAYMENT_COPY, rows: paymentLines },
        { copy: COMMITMENT_COPY, rows: commitments },
        { copy: COMPLAINT_COPY, rows: complaints },
      ],
      prepare: async (client) => {
        if (arrears.length === 0) return;
        let id = await reserveArrearsIds(client, arrears.length);
        for (const a of arrears) {
          arrearsLines.push(arrearsLine(id, a));
          for (const p of a.payments) paymentLines.push(line([id, p.amount, p.paidOn]));
          id++;
        }
      },
      chunk: '',
      dropped: [],
    },
  ];
  const [subjectLane, taxLane, registerLane, reportLane, abnormalLane] = lanes as [Lane, Lane, Lane, Lane, Lane];
  const s = await connect(url, 'subjects');
  subjectLane.client = s;
  try {
    const existing = Number(
      (await s.query<{ n: string }>('SELECT count(*) AS n FROM subject.credit_subject')).rows[0]!.n,
    );
    if (existing > 0 && !options.append) {
      throw new Error(
        `subject.credit_subject already has ${existing} rows: refusing to load demo data into it (pass { append: true } / --append to add more)`,
      );
    }
    const { subjects, seed, personKeySecret, startIndex } = checkOptions({
      ...options,
      startIndex: options.startIndex ?? (options.append ? existing : 0),
    });
    for (const lane of lanes.slice(1)) lane.client = await connect(url, lane.name);

    for (const lane of lanes) {
      await lane.client!.query('BEGIN');
      // Losing the last commit on a crash is harmless for demo data and saves a WAL flush per batch.
      await lane.client!.query(`SET LOCAL synchronous_commit = off`);
      await lane.client!.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    }

    const drop = options.dropIndexes ?? subjects >= DROP_INDEXES_FROM;
    if (drop) {
      for (const lane of lanes) lane.dropped = await dropIndexes(lane.client!, lane.tables);
      log(`dropped ${lanes.reduce((n, l) => n + l.dropped.length, 0)} secondary indexes for the load`);
    }

    const failures: Error[] = [];
    for (const lane of lanes) lane.stream = startCopy(lane.client!, lane.copy, failures);
    const counts = {
      subjects: 0,
      persons: 0,
      ratings: 0,
      violations: 0,
      registrations: 0,
      annualReports: 0,
      abnormalEntries: 0,
      seriousListings: 0,
      courtCases: 0,
      restrictions: 0,
      environmentalRatings: 0,
      environmentalPenalties: 0,
      dischargePermits: 0,
      arrears: 0,
      arrearsPayments: 0,
      commitments: 0,
      complaints: 0,
    };
    const flush = () => {
      check(failures);
      const writes = lanes.map((lane) => write(lane.stream!, lane.chunk));
      for (const lane of lanes) lane.chunk = '';
      return Promise.all(writes);
    };

    let inBatch = 0;
    const reportEvery = Math.max(BATCH, Math.ceil(subjects / 20 / BATCH) * BATCH);
    for (const g of generate({ subjects, seed, personKeySecret, startIndex })) {
      subjectLane.chunk += subjectLine(g.subject);
      counts.subjects++;
      if (g.person) {
        persons.push(personLine(g.person));
        counts.persons++;
      }
      for (const r of g.ratings) taxLane.chunk += ratingLine(r);
      counts.ratings += g.ratings.length;
      if (g.violation) {
        violations.push(violationLine(g.violation));
        counts.violations++;
      }
      if (g.registration) {
        registerLane.chunk += registrationLine(g.registration);
        counts.registrations++;
      }
      for (const r of g.annualReports) reportLane.chunk += annualReportLine(r);
      counts.annualReports += g.annualReports.length;
      for (const a of g.abnormalEntries) abnormalLane.chunk += abnormalLine(a);
      counts.abnormalEntries += g.abnormalEntries.length;
      if (g.seriousListing) {
        serious.push(seriousLine(g.seriousListing));
        counts.seriousListings++;
      }
      for (const c of g.courtCases) cases.push(caseLine(c));
      counts.courtCases += g.courtCases.length;
      for (const r of g.restrictions) restrictions.push(restrictionLine(r));
      counts.restrictions += g.restrictions.length;
      for (const r of g.environmentalRatings) envRatings.push(envRatingLine(r));
      counts.environmentalRatings += g.environmentalRatings.length;
      for (const p of g.environmentalPenalties) envPenalties.push(envPenaltyLine(p));
      counts.environmentalPenalties += g.environmentalPenalties.length;
      for (const p of g.dischargePermits) permits.push(permitLine(p));
      counts.dischargePermits += g.dischargePermits.length;
      for (const a of g.arrears) {
        arrears.push(a);
        counts.arrearsPayments += a.payments.length;
      }
      counts.arrears += g.arrears.length;
      for (const c of g.commitments) commitments.push(commitmentLine(c));
      counts.commitments += g.commitments.length;
      for (const c of g.complaints) complaints.push(complaintLine(c));
      counts.complaints += g.complaints.length;

      if (++inBatch === BATCH) {
        await flush();
        inBatch = 0;
        if (counts.subjects % reportEvery === 0) {
          log(`${counts.subjects} subjects generated (${elapsed()})`);
          // Lets socket events (and a COPY error) through even when the writes never pushed back.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
    await flush();
    check(failures);
    for (const lane of lanes) lane.stream!.end();
    await settled(lanes.map((lane) => finished(lane.stream!)));
    log(`streamed tables copied (${elapsed()})`);

    await settled(
      lanes.map(async (lane) => {
        await lane.prepare?.(lane.client!);
        for (const { copy, rows } of lane.after) await copyAll(lane.client!, copy, rows, failures);
      }),
    );

    if (drop) {
      const rebuild = performance.now();
      await Promise.all(lanes.map((lane) => recreate(lane.client!, lane.dropped)));
      log(
        `rebuilt ${lanes.reduce((n, l) => n + l.dropped.length, 0)} indexes in ${Math.round(performance.now() - rebuild)} ms`,
      );
    }
    // Rows of the other lanes never point at a subject that is not committed with them: subjects first.
    for (const lane of lanes) await lane.client!.query('COMMIT');
    // Fresh statistics, or the first queries on a million new rows plan as if the tables were empty.
    await Promise.all(
      lanes.map((lane) =>
        lane.client!.query(
          `ANALYZE ${[...lane.tables, ...lane.after.map((a) => tableOf(a.copy))].map(([n, t]) => `${n}.${t}`).join(', ')}`,
        ),
      ),
    );
    const ms = Math.round(performance.now() - started);
    log(
      `loaded ${counts.subjects} subjects, ${counts.persons} persons, ${counts.ratings} ratings, ${counts.violations} black-list entries, ` +
        `${counts.registrations} registrations, ${counts.annualReports} annual reports, ${counts.abnormalEntries} 经营异常名录 entries, ` +
        `${counts.seriousListings} 严重违法失信名单 entries, ${counts.courtCases} 失信被执行人 cases, ${counts.restrictions} 限制消费令, ` +
        `${counts.environmentalRatings} 环境信用评价, ${counts.environmentalPenalties} environmental penalties, ${counts.dischargePermits} 排污许可证, ` +
        `${counts.arrears} arrears (${counts.arrearsPayments} payments), ${counts.commitments} commitments, ${counts.complaints} complaints in ${ms} ms`,
    );
    return { ...counts, ms };
  } catch (error) {
    // A stream still open sends CopyFail (and closes once the server has answered it); one that failed
    // is left alone (see `failed`).
    const open = lanes.flatMap((lane) =>
      lane.stream && !lane.stream.destroyed && !failed.has(lane.stream) ? [lane.stream] : [],
    );
    for (const stream of open) stream.destroy();
    await Promise.allSettled(open.map((stream) => finished(stream)));
    await Promise.all(lanes.map((lane) => lane.client?.query('ROLLBACK').catch(() => undefined)));
    throw error;
  } finally {
    await Promise.all(lanes.map((lane) => lane.client?.end().catch(() => undefined)));
  }
}

/** Waits for all, then fails with the first failure: nothing of a lane is still running when a load fails. */
async function settled(work: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(work);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
}

/** The table a COPY statement loads: `COPY court.dishonest_debtor_case (…` → ['court', 'dishonest_debtor_case']. */
function tableOf(copy: string): readonly [string, string] {
  const [schema, table] = copy.split(' ')[1]!.split('.') as [string, string];
  return [schema, table];
}
