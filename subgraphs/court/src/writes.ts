/**
 * The court's writes to the 失信被执行人 list: each mutation validates what it is given (the generated input and
 * argument types; BAD_USER_INPUT naming the field and the rule, CONFLICT for what is already stored) and runs its
 * change and its audit entry in one transaction (`ctx.audited`). The 限制消费令's are in restrictions/writes.ts.
 */
import {
  badInput,
  checkSubjectCode,
  chineseCalendar,
  clock,
  conflict,
  notFound,
  notInFuture,
  optionalText,
  regionFor,
  requiredText,
  type SubgraphContext,
} from '@credit-hub/kit';
import { isPersonKey, validateIdNumber } from '@credit-hub/kit/codes';
import { Prisma, type Db } from '@credit-hub/kit/db';
import { periodEnd } from '@credit-hub/kit/period';
import type {
  DishonestDebtorCaseInput,
  MutationRecordPerformanceArgs,
  MutationWithdrawDishonestDebtorCaseArgs,
} from './__generated__/types.ts';
import { assertImplementationCase, parseCaseNumber } from './case-number/rules.ts';
import { toCaseMapper, type DishonestDebtorCaseMapper } from './mappers.ts';
import {
  ageOn,
  BEHAVIOURS,
  deadlineBasisDay,
  deletionDeadlineFrom,
  extensionGroundFits,
  hasTerm,
  isListed,
  listedUntilOf,
  MAX_TERM_EXTENSION_YEARS,
  MINIMUM_AGE,
  RELISTING_BAR_MONTHS,
  TERM_YEARS,
  WITHDRAWAL_REASONS,
  type Behaviour,
  type Reason,
} from './rules.ts';
import { caseListed, caseWithdrawn } from './events.ts';

/** What a write needs of the request: the database, the caller, and `audited` (no loader, no GraphQL). */
type Ctx = SubgraphContext<unknown>;
type Tx = Db['prisma'];
type CaseRow = DishonestDebtorCaseMapper;
const today = () => clock.today();
const iso = (d: Date) => d.toISOString().slice(0, 10);

function absent(value: string | null | undefined, field: string, why: string) {
  if (value?.trim()) throw badInput(field, 'NOT_APPLICABLE', `\`${field}\` must be left out ${why}`);
}

/** 执行法院: the court's full name (shared with the 限制消费令, restrictions/writes.ts). */
export function courtName(value: string, field: string): string {
  const name = requiredText(value, field, 100);
  if (!name.endsWith('法院'))
    throw badInput(field, 'COURT_NAME', `\`${field}\` must be the court's full name, e.g. 杭州市西湖区人民法院`);
  return name;
}

/** 履行情况: partly performed states both parts; nothing performed has no performed part. */
function performanceParts(
  performance: CaseRow['performance'],
  performedPart: string | null | undefined,
  unperformedPart: string | null | undefined,
  prefix: string,
): { performedPart: string | null; unperformedPart: string | null } {
  if (performance === 'PARTLY_PERFORMED') {
    return {
      performedPart: requiredText(performedPart, `${prefix}performedPart`),
      unperformedPart: requiredText(unperformedPart, `${prefix}unperformedPart`),
    };
  }
  absent(performedPart, `${prefix}performedPart`, 'when nothing was performed (NONE_PERFORMED)');
  return { performedPart: null, unperformedPart: optionalText(unperformedPart, `${prefix}unperformedPart`) };
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** One or more distinct behaviours, stored in the order of 第一条's items. */
function checkBehaviours(behaviours: readonly Behaviour[]): Behaviour[] {
  if (behaviours.length === 0)
    throw badInput('input.behaviours', 'REQUIRED', '`input.behaviours` must name at least one behaviour (第一条)');
  if (new Set(behaviours).size !== behaviours.length)
    throw badInput('input.behaviours', 'REPEATED', '`input.behaviours` names a behaviour twice');
  return BEHAVIOURS.filter((b) => behaviours.includes(b));
}

/** The term and its extension (第二条第一款), validated; the last day on the list is derived, never typed in. */
function checkTerm(input: DishonestDebtorCaseInput, behaviours: Behaviour[], decidedOn: Date) {
  const termYears = hasTerm(behaviours) ? TERM_YEARS : null;
  const extension = input.termExtensionYears ?? 0;
  if (!Number.isInteger(extension) || extension < 0 || extension > MAX_TERM_EXTENSION_YEARS) {
    throw badInput(
      'input.termExtensionYears',
      'RANGE',
      `\`input.termExtensionYears\` must be 0 to ${MAX_TERM_EXTENSION_YEARS} (延长一至三年, 第二条第一款)`,
    );
  }
  if (extension === 0) {
    if (input.termExtensionGround)
      throw badInput('input.termExtensionGround', 'NOT_APPLICABLE', '`input.termExtensionGround` needs an extension');
    absent(input.termExtensionReason, 'input.termExtensionReason', 'without an extension');
    return {
      termYears,
      termExtensionYears: 0,
      termExtensionGround: null,
      termExtensionReason: null,
      listedUntil: listedUntilOf(decidedOn, termYears, 0),
    };
  }
  if (termYears === null) {
    throw badInput(
      'input.termExtensionYears',
      'NO_TERM',
      '`input.termExtensionYears`: a listing for item (一) alone (REFUSING_DESPITE_ABILITY) has no term to extend (第二条)',
    );
  }
  const ground = input.termExtensionGround;
  if (!ground)
    throw badInput(
      'input.termExtensionGround',
      'REQUIRED',
      '`input.termExtensionGround` is required with an extension',
    );
  if (!extensionGroundFits(ground, behaviours)) {
    throw badInput(
      'input.termExtensionGround',
      'EXTENSION_GROUND',
      ground === 'MULTIPLE_BEHAVIOURS'
        ? '`input.termExtensionGround` MULTIPLE_BEHAVIOURS needs two or more behaviours (具有多项失信行为)'
        : '`input.termExtensionGround` SERIOUS_VIOLENT_OBSTRUCTION needs the behaviour OBSTRUCTING_EXECUTION (以暴力、威胁方法妨碍、抗拒执行)',
    );
  }
  return {
    termYears,
    termExtensionYears: extension,
    termExtensionGround: ground,
    termExtensionReason: requiredText(input.termExtensionReason, 'input.termExtensionReason', 500),
    listedUntil: listedUntilOf(decidedOn, termYears, extension),
  };
}

/** Everything a case row holds, validated as of `today`; throws BAD_USER_INPUT naming the field and rule. */
export function checkCase(
  input: DishonestDebtorCaseInput,
  today: Date = clock.today(),
): Prisma.DishonestDebtorCaseCreateInput {
  const parsed = parseCaseNumber(input.caseNumber, 'input.caseNumber', today);
  assertImplementationCase(parsed, 'input.caseNumber');
  const subjectCode = checkSubjectCode(input.subjectCode, 'input.subjectCode');
  const person = isPersonKey(subjectCode);
  const expectedKind = person ? 'NATURAL_PERSON' : 'ORGANISATION';
  if (input.debtorKind !== expectedKind) {
    throw badInput(
      'input.debtorKind',
      'KIND_MISMATCH',
      `\`input.debtorKind\` must be ${expectedKind}: the subject code is ${person ? 'a person key' : 'a USCC'}`,
    );
  }
  notInFuture(input.filedOn, 'input.filedOn');
  // 立案 happens in the 收案年度 the case number carries (法〔2015〕137号 第二条: 收案年度 is the year received).
  if (input.filedOn.getUTCFullYear() !== parsed.year) {
    throw badInput(
      'input.filedOn',
      'CASE_YEAR',
      `\`input.filedOn\` ${iso(input.filedOn)} is not in the year ${parsed.year} of the case number (立案 in the 收案年度)`,
    );
  }
  notInFuture(input.decidedOn, 'input.decidedOn');
  if (input.decidedOn.getTime() < input.filedOn.getTime())
    throw badInput('input.decidedOn', 'ORDER', '`input.decidedOn` must not be before `input.filedOn`');
  notInFuture(input.publishedOn, 'input.publishedOn');
  if (input.publishedOn.getTime() < input.decidedOn.getTime())
    throw badInput('input.publishedOn', 'ORDER', '`input.publishedOn` must not be before `input.decidedOn`');

  let idNumber: string | null = null;
  let sex: string | null = null;
  let age: number | null = null;
  let legalRepresentative: string | null = null;
  if (person) {
    // The person key is an HMAC of the ID number under the platform secret, which a department never holds:
    // the pair cannot be matched here, so the ID number is validated on its own.
    if (!input.idNumber?.trim())
      throw badInput('input.idNumber', 'REQUIRED', '`input.idNumber` is required for a natural person');
    const id = validateIdNumber(input.idNumber, today);
    if (!id.valid) throw badInput('input.idNumber', id.reason, `\`input.idNumber\`: ${id.message}`);
    const ageAtDecision = ageOn(id.birthDate, input.decidedOn);
    if (ageAtDecision < MINIMUM_AGE) {
      throw badInput(
        'input.idNumber',
        'MINOR',
        `\`input.idNumber\`: the debtor (born ${id.birthDate}) was ${ageAtDecision} on the decision day ` +
          `${iso(input.decidedOn)}; a minor is never listed (被执行人为未成年人的，不得纳入失信被执行人名单, 法释〔2017〕7号 第四条)`,
      );
    }
    idNumber = id.idNumber;
    sex = id.sex === 'MALE' ? '男' : '女';
    age = ageOn(id.birthDate, input.publishedOn);
    absent(input.legalRepresentative, 'input.legalRepresentative', 'for a natural person');
  } else {
    legalRepresentative = requiredText(input.legalRepresentative, 'input.legalRepresentative', 100);
    absent(input.idNumber, 'input.idNumber', 'for an organisation (its USCC identifies it)');
  }

  const behaviours = checkBehaviours(input.behaviours);
  const term = checkTerm(input, behaviours, input.decidedOn);
  if (term.listedUntil && term.listedUntil.getTime() < today.getTime()) {
    throw badInput(
      'input.decidedOn',
      'TERM_ENDED',
      `\`input.decidedOn\` ${iso(input.decidedOn)}: the listing's term ended on ${iso(term.listedUntil)}, so it can no longer be published`,
    );
  }
  return {
    caseNumber: parsed.caseNumber,
    subjectCode,
    debtorKind: input.debtorKind,
    debtorName: requiredText(input.debtorName, 'input.debtorName', 200),
    legalRepresentative,
    sex,
    age,
    idNumber,
    regionCode: regionFor(subjectCode, input.regionCode, 'input.regionCode'),
    courtName: courtName(input.courtName, 'input.courtName'),
    filedOn: input.filedOn,
    basisDocumentNumber: requiredText(input.basisDocumentNumber, 'input.basisDocumentNumber', 200),
    basisIssuer: requiredText(input.basisIssuer, 'input.basisIssuer', 200),
    obligation: requiredText(input.obligation, 'input.obligation'),
    performance: input.performance,
    ...performanceParts(input.performance, input.performedPart, input.unperformedPart, 'input.'),
    behaviours,
    decidedOn: input.decidedOn,
    initiation: input.initiation ?? null,
    ...term,
    publishedOn: input.publishedOn,
    status: 'ACTIVE',
  };
}

/**
 * 第十条第四款: within six months of a deletion the applicant asked for (APPLICANT_REQUEST), the court does not
 * list the debtor again in the case on the applicant's application.
 */
async function assertNoRelistingBar(tx: Tx, data: Prisma.DishonestDebtorCaseCreateInput) {
  if (data.initiation !== 'APPLICATION') return;
  const deleted = await tx.dishonestDebtorCase.findFirst({
    where: { caseNumber: data.caseNumber, status: 'WITHDRAWN', withdrawalReason: 'APPLICANT_REQUEST' },
    orderBy: { withdrawnOn: 'desc' },
    select: { withdrawnOn: true },
  });
  if (!deleted?.withdrawnOn) return;
  const barEnds = periodEnd(deleted.withdrawnOn, { months: RELISTING_BAR_MONTHS });
  if ((data.decidedOn as Date).getTime() <= barEnds.getTime()) {
    throw badInput(
      'input.initiation',
      'RELISTING_BAR',
      `\`input.initiation\`: case ${data.caseNumber} was deleted at the applicant's request on ${iso(deleted.withdrawnOn)}; ` +
        `an application to list the debtor again is not granted until after ${iso(barEnds)} (法释〔2017〕7号 第十条第四款)`,
    );
  }
}

const listedAlready = (caseNumber: string, listedUntil: Date | null, today: Date) =>
  conflict(
    'input.caseNumber',
    'ALREADY_LISTED',
    listedUntil && listedUntil.getTime() < today.getTime()
      ? `case ${caseNumber} is still recorded as listed (its term ended on ${iso(listedUntil)}): record its deletion (PERIOD_ENDED) before listing it again`
      : `case ${caseNumber} is already on the list`,
  );

export async function publishCase(ctx: Ctx, input: DishonestDebtorCaseInput): Promise<CaseRow> {
  const today = clock.today();
  const data = checkCase(input, today);
  try {
    return await ctx.audited(
      {
        subjectCode: data.subjectCode,
        fields: ['Mutation.publishDishonestDebtorCase'],
        detail: `${data.caseNumber} ${(data.behaviours as Behaviour[]).join(',')}${data.listedUntil ? ` until ${iso(data.listedUntil as Date)}` : ''}`,
      },
      async (tx) => {
        const current = await tx.dishonestDebtorCase.findFirst({
          where: { caseNumber: data.caseNumber, status: 'ACTIVE' },
          select: { listedUntil: true },
        });
        if (current) throw listedAlready(data.caseNumber, current.listedUntil, today);
        await assertNoRelistingBar(tx, data);
        const created = await tx.dishonestDebtorCase.create({ data });
        await caseListed(tx, created);
        return toCaseMapper(created);
      },
    );
  } catch (error) {
    // Two courts' clerks publishing the same number at once: the partial unique index decides, the loser hears why.
    if (isUniqueViolation(error)) throw listedAlready(data.caseNumber, null, today);
    throw error;
  }
}

/** The current listing of a case (not withdrawn), read first so that the audit entry names its subject. */
async function listingToChange(ctx: Ctx, raw: string): Promise<CaseRow> {
  const { caseNumber } = parseCaseNumber(raw, 'caseNumber', today());
  const listings = await ctx.db.prisma.dishonestDebtorCase.findMany({
    where: { caseNumber },
    orderBy: [{ decidedOn: 'desc' }, { id: 'desc' }],
  });
  if (listings.length === 0) throw notFound('Dishonest debtor case', caseNumber);
  const current = listings.find((c) => c.status === 'ACTIVE');
  if (!current) throw notListed(caseNumber);
  return toCaseMapper(current);
}

const notListed = (caseNumber: string) =>
  badInput('caseNumber', 'NOT_LISTED', `case ${caseNumber} has been withdrawn from the list: it cannot be changed`);

export async function recordPerformance(ctx: Ctx, args: MutationRecordPerformanceArgs): Promise<CaseRow> {
  const target = await listingToChange(ctx, args.caseNumber);
  const parts = performanceParts(args.performance, args.performedPart, args.unperformedPart, '');
  if (!isListed(target, today())) {
    throw badInput(
      'caseNumber',
      'NOT_LISTED',
      `case ${target.caseNumber}: its term ended on ${iso(target.listedUntil!)}; record its deletion (PERIOD_ENDED) instead`,
    );
  }
  return ctx.audited(
    {
      subjectCode: target.subjectCode,
      fields: ['Mutation.recordPerformance'],
      detail: `${target.caseNumber} ${args.performance}`,
    },
    async (tx) => {
      // Conditional on ACTIVE in the same statement: a concurrent withdrawal cannot slip in between.
      const { count } = await tx.dishonestDebtorCase.updateMany({
        where: { id: target.id, status: 'ACTIVE' },
        data: { performance: args.performance, ...parts },
      });
      if (count === 0) throw notListed(target.caseNumber);
      return toCaseMapper(await tx.dishonestDebtorCase.findUniqueOrThrow({ where: { id: target.id } }));
    },
  );
}

/** Whether a ground fits the listing: 第十条第一款 without a term, 第十条第二款/第二条第二款 with one (rules.ts). */
function assertGroundFits(target: CaseRow, reason: Reason, withdrawnOn: Date) {
  const rule = WITHDRAWAL_REASONS[reason];
  const until = target.listedUntil;
  if (rule.applies === 'NONE') {
    throw badInput(
      'reason',
      'LEGACY_REASON',
      '`reason` OTHER is kept for records made before the grounds were itemised; name the ground of 法释〔2017〕7号 instead',
    );
  }
  if (rule.applies === 'NO_TERM' && until) {
    throw badInput(
      'reason',
      'TERM_APPLIES',
      `\`reason\` ${reason} (${rule.basis}) does not apply to case ${target.caseNumber}: it has a listing term until ` +
        `${iso(until)} (有纳入期限的，不适用前款规定, 第十条第二款). Delete it early with EARLY_DELETION (第二条第二款), or ` +
        'after its term with PERIOD_ENDED',
    );
  }
  if (rule.applies === 'TERM' && !until) {
    throw badInput(
      'reason',
      'NO_TERM',
      `\`reason\` ${reason} (${rule.basis}) needs a listing term; case ${target.caseNumber} is listed for item (一) alone, ` +
        'without one: it ends on a ground of 第十条第一款',
    );
  }
  if (reason === 'PERIOD_ENDED' && withdrawnOn.getTime() <= until!.getTime()) {
    throw badInput(
      'withdrawnOn',
      'TERM_NOT_ENDED',
      `\`withdrawnOn\`: the term of case ${target.caseNumber} runs until ${iso(until!)}; PERIOD_ENDED can be recorded from the day after`,
    );
  }
  if (reason === 'EARLY_DELETION' && withdrawnOn.getTime() > until!.getTime()) {
    throw badInput(
      'reason',
      'TERM_ENDED',
      `\`reason\`: the term of case ${target.caseNumber} ended on ${iso(until!)}; record PERIOD_ENDED instead of EARLY_DELETION`,
    );
  }
}

export async function withdrawCase(ctx: Ctx, args: MutationWithdrawDishonestDebtorCaseArgs): Promise<CaseRow> {
  const target = await listingToChange(ctx, args.caseNumber);
  const rule = WITHDRAWAL_REASONS[args.reason];
  const note = rule.kind === 'REVOCATION' ? requiredText(args.note, 'note', 500) : optionalText(args.note, 'note', 500);
  const withdrawnOn = args.withdrawnOn ?? today();
  notInFuture(withdrawnOn, 'withdrawnOn');
  if (withdrawnOn.getTime() < target.publishedOn.getTime()) {
    throw badInput(
      'withdrawnOn',
      'ORDER',
      `\`withdrawnOn\` must not be before the publication date ${iso(target.publishedOn)}`,
    );
  }
  assertGroundFits(target, args.reason, withdrawnOn);
  let groundArisenOn: Date | null = null;
  if (args.reason === 'PERIOD_ENDED') {
    if (args.groundArisenOn)
      throw badInput(
        'groundArisenOn',
        'NOT_APPLICABLE',
        "`groundArisenOn` is the term's last day for PERIOD_ENDED: leave it out",
      );
    groundArisenOn = target.listedUntil;
  } else {
    groundArisenOn = args.groundArisenOn ?? withdrawnOn;
    if (groundArisenOn.getTime() > withdrawnOn.getTime())
      throw badInput('groundArisenOn', 'ORDER', '`groundArisenOn` must not be after `withdrawnOn`');
    if (groundArisenOn.getTime() < target.decidedOn.getTime())
      throw badInput(
        'groundArisenOn',
        'ORDER',
        `\`groundArisenOn\` must not be before the decision ${iso(target.decidedOn)}`,
      );
  }
  const basis = deadlineBasisDay(args.reason, target, groundArisenOn);
  const deletionDeadline = basis ? deletionDeadlineFrom(basis, chineseCalendar) : null;
  return ctx.audited(
    {
      subjectCode: target.subjectCode,
      fields: ['Mutation.withdrawDishonestDebtorCase'],
      detail: `${target.caseNumber} ${args.reason} (${rule.basis})${note ? `: ${note}` : ''}`,
    },
    async (tx) => {
      const { count } = await tx.dishonestDebtorCase.updateMany({
        where: { id: target.id, status: 'ACTIVE' },
        data: {
          status: 'WITHDRAWN',
          withdrawnOn,
          withdrawalReason: args.reason,
          withdrawalNote: note,
          groundArisenOn,
          deletionDeadline,
        },
      });
      if (count === 0) throw notListed(target.caseNumber);
      const withdrawn = await tx.dishonestDebtorCase.findUniqueOrThrow({ where: { id: target.id } });
      await caseWithdrawn(tx, withdrawn, args.reason, withdrawnOn, rule.kind === 'REVOCATION');
      return toCaseMapper(withdrawn);
    },
  );
}
