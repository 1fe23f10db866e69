/**
 * The 政务诚信 office's writes: each mutation validates what it is given (the generated input and argument types;
 * BAD_USER_INPUT naming the field and the rule, CONFLICT for what is already decided, NOT_FOUND for an unknown
 * id) and runs its change and its audit entry in one transaction (`ctx.audited`).
 */
import {
  badInput,
  checkUscc,
  clock,
  conflict,
  notFound,
  notInFuture,
  regionFor,
  requiredText,
  type SubgraphContext,
} from '@credit-hub/kit';
import { describeRegistrationCategory, isPersonKey, kindFromUscc } from '@credit-hub/kit/codes';
import { Prisma, type Db } from '@credit-hub/kit/db';
import type {
  ArrearsInput,
  CommitmentInput,
  ComplaintInput,
  MutationRecordArrearsPaymentArgs,
  MutationRecordCommitmentFulfilmentArgs,
  MutationRecordComplaintOutcomeArgs,
} from './__generated__/types.ts';
import type { ArrearsMapper, CommitmentMapper, ComplaintMapper } from './mappers.ts';
import { CREDITOR_KINDS, GOVERNMENT_KINDS } from './rules.ts';
import { arrearsCleared, arrearsPublished } from './events.ts';

/** What a write needs of the request: the database, the caller, and `audited` (no loader, no GraphQL). */
type Ctx = SubgraphContext<unknown>;
type Tx = Db['prisma'];
const iso = (d: Date) => d.toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------------
// Input checks: all run before the transaction, so a refused write touches nothing.

const categoryOf = (code: string) => {
  const { department, category } = describeRegistrationCategory(code);
  return `${department}/${category}`;
};

/** The USCC of a government body (11…) or public institution (12…); `rule` names the failure. */
export function checkGovernmentCode(raw: string, field: string, rule: string): string {
  const code = checkUscc(raw, field);
  if (!GOVERNMENT_KINDS.includes(kindFromUscc(code))) {
    throw badInput(
      field,
      rule,
      `\`${field}\` ${code} (${categoryOf(code)}) is not a government body (机关, 11…) or public institution ` +
        '(事业单位, 12…): 政务诚信 records concern those only',
    );
  }
  return code;
}

/** The USCC of an enterprise (91…), 个体工商户 (92…) or 农民专业合作社 (93…): the creditors of an arrear. */
export function checkCreditorCode(raw: string, field = 'input.creditorCode'): string {
  const code = checkUscc(raw, field);
  if (!CREDITOR_KINDS.includes(kindFromUscc(code))) {
    throw badInput(
      field,
      'CREDITOR_KIND',
      `\`${field}\` ${code} (${categoryOf(code)}) is not an enterprise (91…), 个体工商户 (92…) or 农民专业合作社 ` +
        '(93…): arrears are money owed to market subjects (《保障中小企业款项支付条例》)',
    );
  }
  return code;
}

/** A complainant: a USCC of any kind or a person key (natural persons are never named by ID number here). */
function checkComplainant(raw: string | null | undefined, field = 'input.complainantCode'): string | null {
  const text = (raw ?? '').trim().toUpperCase();
  if (!text) return null;
  if (isPersonKey(text)) return text;
  return checkUscc(text, field);
}

/** Decimal(16, 2): at most 14 digits before the point. */
const MAX_AMOUNT = 1e14;

/** A money amount in 元: more than 0, below the column's limit, to the 分 (two decimals). */
export function checkAmount(value: number, field: string): Prisma.Decimal {
  if (!Number.isFinite(value) || value <= 0 || value >= MAX_AMOUNT)
    throw badInput(field, 'RANGE', `\`${field}\` (元) must be more than 0 and less than 10^14, got ${value}`);
  const cents = value * 100;
  if (Math.abs(cents - Math.round(cents)) > 1e-6)
    throw badInput(field, 'PRECISION', `\`${field}\` (元) may have at most two decimals (分), got ${value}`);
  return new Prisma.Decimal(value.toFixed(2));
}

function notBefore(date: Date, earliest: Date, field: string, what: string) {
  if (date.getTime() < earliest.getTime())
    throw badInput(field, 'ORDER', `\`${field}\` must not be before ${what} (${iso(earliest)})`);
}

function checkId(id: string, field = 'id'): bigint {
  if (!/^\d{1,18}$/.test(id))
    throw badInput(field, 'FORMAT', `\`${field}\` must be a numeric record id, got ${JSON.stringify(id)}`);
  return BigInt(id);
}

/** Locks one row for the rest of the transaction: two payments or two decisions on it cannot interleave. */
function lockRow(tx: Tx, table: 'arrears' | 'commitment' | 'complaint', id: bigint) {
  switch (table) {
    case 'arrears':
      return tx.$queryRaw`SELECT 1 FROM government.arrears WHERE id = ${id} FOR UPDATE`;
    case 'commitment':
      return tx.$queryRaw`SELECT 1 FROM government.commitment WHERE id = ${id} FOR UPDATE`;
    case 'complaint':
      return tx.$queryRaw`SELECT 1 FROM government.complaint WHERE id = ${id} FOR UPDATE`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// 拖欠中小企业账款

/** Records an arrear of a body to a market subject, once its due date has passed. */
export async function recordArrears(ctx: Ctx, input: ArrearsInput): Promise<ArrearsMapper> {
  const debtorCode = checkGovernmentCode(input.debtorCode, 'input.debtorCode', 'DEBTOR_KIND');
  const creditorCode = checkCreditorCode(input.creditorCode);
  const description = requiredText(input.description, 'input.description', 1000);
  const amount = checkAmount(input.amount, 'input.amount');
  const recordedOn = input.recordedOn ?? clock.today();
  notInFuture(recordedOn, 'input.recordedOn');
  if (input.dueOn.getTime() > recordedOn.getTime()) {
    throw badInput(
      'input.dueOn',
      'NOT_YET_DUE',
      `\`input.dueOn\` (${iso(input.dueOn)}) is after \`input.recordedOn\` (${iso(recordedOn)}): an arrear is money ` +
        'not paid by its due date, record it once the date has passed',
    );
  }
  const regionCode = regionFor(debtorCode, input.regionCode, 'input.regionCode');
  return ctx.audited(
    {
      subjectCode: debtorCode,
      fields: ['Mutation.recordArrears'],
      detail: `owes ${creditorCode} ${amount.toFixed(2)} 元 due ${iso(input.dueOn)}: ${description}`,
    },
    async (tx) => {
      const arrears = await tx.arrears.create({
        data: { debtorCode, creditorCode, regionCode, description, amount, dueOn: input.dueOn, recordedOn },
      });
      await arrearsPublished(tx, arrears);
      return arrears;
    },
  );
}

/** Records a payment against an arrear: PARTLY_PAID, or CLEARED when nothing is left. */
export async function recordArrearsPayment(
  ctx: Ctx,
  { arrearsId, amount: rawAmount, paidOn }: MutationRecordArrearsPaymentArgs,
): Promise<ArrearsMapper> {
  const id = checkId(arrearsId, 'arrearsId');
  const amount = checkAmount(rawAmount, 'amount');
  notInFuture(paidOn, 'paidOn');
  // The debtor is read first so that the audit entry names whom the write concerns.
  const found = await ctx.db.prisma.arrears.findUnique({ where: { id }, select: { debtorCode: true } });
  if (!found) throw notFound('Arrears', id.toString());
  return ctx.audited(
    {
      subjectCode: found.debtorCode,
      fields: ['Mutation.recordArrearsPayment'],
      detail: `arrears ${id}: paid ${amount.toFixed(2)} 元 on ${iso(paidOn)}`,
    },
    async (tx) => {
      await lockRow(tx, 'arrears', id);
      const arrears = await tx.arrears.findUniqueOrThrow({ where: { id } });
      if (arrears.status === 'CLEARED') {
        throw conflict(
          'arrearsId',
          'ALREADY_CLEARED',
          `arrears ${id} was cleared on ${arrears.clearedOn ? iso(arrears.clearedOn) : 'an unknown date'}: nothing is owed`,
        );
      }
      notBefore(paidOn, arrears.dueOn, 'paidOn', 'the due date of the arrear');
      const outstanding = arrears.amount.minus(arrears.paidAmount);
      if (amount.greaterThan(outstanding)) {
        throw badInput(
          'amount',
          'OVERPAYMENT',
          `\`amount\` ${amount.toFixed(2)} 元 exceeds what is outstanding on arrears ${id} (${outstanding.toFixed(2)} 元)`,
          { outstanding: outstanding.toNumber() },
        );
      }
      await tx.arrearsPayment.create({ data: { arrearsId: id, amount, paidOn } });
      const paidAmount = arrears.paidAmount.plus(amount);
      const cleared = paidAmount.equals(arrears.amount);
      let clearedOn: Date | null = null;
      if (cleared) {
        // Payments may be recorded out of order: the arrear was cleared when its last money arrived.
        const latest = await tx.arrearsPayment.aggregate({ where: { arrearsId: id }, _max: { paidOn: true } });
        clearedOn = latest._max.paidOn ?? paidOn;
      }
      const updated = await tx.arrears.update({
        where: { id },
        data: { paidAmount, status: cleared ? 'CLEARED' : 'PARTLY_PAID', clearedOn },
      });
      if (cleared) await arrearsCleared(tx, updated);
      return updated;
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// 政府承诺

/** Records a 政府承诺 (PENDING until the office decides it). */
export async function recordCommitment(ctx: Ctx, input: CommitmentInput): Promise<CommitmentMapper> {
  const bodyCode = checkGovernmentCode(input.bodyCode, 'input.bodyCode', 'BODY_KIND');
  const content = requiredText(input.content, 'input.content');
  notInFuture(input.madeOn, 'input.madeOn');
  notBefore(input.dueOn, input.madeOn, 'input.dueOn', '`input.madeOn`');
  const regionCode = regionFor(bodyCode, input.regionCode, 'input.regionCode');
  return ctx.audited(
    { subjectCode: bodyCode, fields: ['Mutation.recordCommitment'], detail: `due ${iso(input.dueOn)}: ${content}` },
    (tx) => tx.commitment.create({ data: { bodyCode, regionCode, content, madeOn: input.madeOn, dueOn: input.dueOn } }),
  );
}

/** Decides a commitment once: FULFILLED or BROKEN, with evidence. */
export async function recordCommitmentFulfilment(
  ctx: Ctx,
  args: MutationRecordCommitmentFulfilmentArgs,
): Promise<CommitmentMapper> {
  const id = checkId(args.id);
  const evidence = requiredText(args.evidence, 'evidence');
  notInFuture(args.fulfilledOn, 'fulfilledOn');
  const found = await ctx.db.prisma.commitment.findUnique({ where: { id }, select: { bodyCode: true } });
  if (!found) throw notFound('Commitment', id.toString());
  return ctx.audited(
    {
      subjectCode: found.bodyCode,
      fields: ['Mutation.recordCommitmentFulfilment'],
      detail: `commitment ${id}: ${args.status} on ${iso(args.fulfilledOn)}`,
    },
    async (tx) => {
      await lockRow(tx, 'commitment', id);
      const commitment = await tx.commitment.findUniqueOrThrow({ where: { id } });
      if (commitment.status !== 'PENDING') {
        throw conflict(
          'id',
          'ALREADY_DECIDED',
          `commitment ${id} is already ${commitment.status}` +
            (commitment.fulfilledOn ? ` (since ${iso(commitment.fulfilledOn)})` : ''),
        );
      }
      notBefore(args.fulfilledOn, commitment.madeOn, 'fulfilledOn', 'the commitment was made');
      return tx.commitment.update({
        where: { id },
        data: { status: args.status, evidence, fulfilledOn: args.fulfilledOn },
      });
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// 政府违约投诉

/** Records a 政府违约 complaint (PENDING until handled). */
export async function recordComplaint(ctx: Ctx, input: ComplaintInput): Promise<ComplaintMapper> {
  const bodyCode = checkGovernmentCode(input.bodyCode, 'input.bodyCode', 'BODY_KIND');
  const complainantCode = checkComplainant(input.complainantCode);
  const content = requiredText(input.content, 'input.content');
  notInFuture(input.receivedOn, 'input.receivedOn');
  const regionCode = regionFor(bodyCode, input.regionCode, 'input.regionCode');
  return ctx.audited(
    {
      subjectCode: bodyCode,
      fields: ['Mutation.recordComplaint'],
      detail: `${complainantCode ? `from ${complainantCode}` : 'anonymous'} received ${iso(input.receivedOn)}`,
    },
    (tx) =>
      tx.complaint.create({
        data: { bodyCode, complainantCode, regionCode, content, receivedOn: input.receivedOn },
      }),
  );
}

/** Handles a complaint once: UPHELD, REJECTED or RESOLVED, with a note. */
export async function recordComplaintOutcome(
  ctx: Ctx,
  args: MutationRecordComplaintOutcomeArgs,
): Promise<ComplaintMapper> {
  const id = checkId(args.id);
  const handlingNote = requiredText(args.note, 'note');
  notInFuture(args.handledOn, 'handledOn');
  const found = await ctx.db.prisma.complaint.findUnique({ where: { id }, select: { bodyCode: true } });
  if (!found) throw notFound('Complaint', id.toString());
  return ctx.audited(
    {
      subjectCode: found.bodyCode,
      fields: ['Mutation.recordComplaintOutcome'],
      detail: `complaint ${id}: ${args.outcome} on ${iso(args.handledOn)}`,
    },
    async (tx) => {
      await lockRow(tx, 'complaint', id);
      const complaint = await tx.complaint.findUniqueOrThrow({ where: { id } });
      if (complaint.outcome !== 'PENDING') {
        throw conflict(
          'id',
          'ALREADY_HANDLED',
          `complaint ${id} was already handled: ${complaint.outcome}` +
            (complaint.handledOn ? ` on ${iso(complaint.handledOn)}` : ''),
        );
      }
      notBefore(args.handledOn, complaint.receivedOn, 'handledOn', 'the complaint was received');
      return tx.complaint.update({
        where: { id },
        data: { outcome: args.outcome, handlingNote, handledOn: args.handledOn },
      });
    },
  );
}
