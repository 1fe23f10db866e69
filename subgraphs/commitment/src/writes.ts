/**
 * The commitment subgraph's writes: each mutation validates what it is given (BAD_USER_INPUT naming the field and
 * the rule, FORBIDDEN for another department's commitment, CONFLICT for one already checked, NOT_FOUND for an
 * unknown id) before its transaction, then writes the row, its events (events.ts) and its audit entry in one
 * transaction (`ctx.audited`): a rollback leaves neither row nor event.
 */
import {
  badInput,
  checkSubjectCode,
  clock,
  DEPARTMENTS,
  conflict,
  forbidden,
  isUuid,
  newId,
  notFound,
  notInFuture,
  optionalText,
  requiredText,
  type SubgraphContext,
} from '@credit-hub/kit';
import type { CreditCommitment } from '@credit-hub/kit/db';
import type { CommitmentCheckInput, CreditCommitmentInput } from './__generated__/types.ts';
import { commitmentChecked, commitmentMade } from './events.ts';
import { publicityEnd } from './rules.ts';

type Ctx = SubgraphContext<unknown>;
const iso = (d: Date) => d.toISOString().slice(0, 10);
/** The caller's department; the platform (信用办) acts for any department. */
function callerDepartment(ctx: Ctx): string {
  const department = ctx.identity.department;
  if (!department) throw forbidden('a credit commitment is recorded and checked by a department officer or system');
  return department;
}

function checkDepartment(code: string, field: string): string {
  const value = code.trim();
  if (!Object.hasOwn(DEPARTMENTS, value))
    throw badInput(
      field,
      'DEPARTMENT',
      `\`${field}\` must be a department code (${Object.keys(DEPARTMENTS).join(', ')}), got ${JSON.stringify(code)}`,
    );
  return value;
}

export function checkCommitmentId(raw: string, field = 'id'): string {
  const id = raw.trim();
  if (!isUuid(id))
    throw badInput(field, 'FORMAT', `\`${field}\` must be a commitment id (uuid), got ${JSON.stringify(raw)}`);
  return id.toLowerCase();
}

/** recordCreditCommitment: a department records what its own department checks; the platform records any. */
export async function recordCreditCommitment(ctx: Ctx, input: CreditCommitmentInput): Promise<CreditCommitment> {
  const department = callerDepartment(ctx);
  const subjectCode = checkSubjectCode(input.subjectCode, 'input.subjectCode');
  const matter = requiredText(input.matter, 'input.matter', 200);
  const content = requiredText(input.content, 'input.content', 2000);
  const signatory = optionalText(input.signatory, 'input.signatory', 50);
  const reference = optionalText(input.reference, 'input.reference', 100);
  const checkingDepartment = checkDepartment(input.checkingDepartment, 'input.checkingDepartment');
  if (department !== 'platform' && checkingDepartment !== department)
    throw badInput(
      'input.checkingDepartment',
      'OWN_DEPARTMENT',
      `\`input.checkingDepartment\`: an officer of ${department} records only the commitments ${department} checks, not ${checkingDepartment}'s`,
    );
  if (input.kind === 'REPAIR' && !reference)
    throw badInput(
      'input.reference',
      'REQUIRED_FOR_REPAIR',
      '`input.reference` must name the 信用修复 application a 修复型 commitment belongs to',
    );
  notInFuture(input.madeOn, 'input.madeOn');
  if (input.termEndsOn.getTime() < input.madeOn.getTime())
    throw badInput(
      'input.termEndsOn',
      'NOT_BEFORE_MADE',
      `\`input.termEndsOn\` (${iso(input.termEndsOn)}) must not be before \`input.madeOn\` (${iso(input.madeOn)})`,
    );
  const id = newId();
  return ctx.audited(
    {
      subjectCode,
      fields: ['Mutation.recordCreditCommitment'],
      detail: `${input.kind} ${matter}, checked by ${checkingDepartment}, term ${iso(input.termEndsOn)}`,
    },
    async (tx) => {
      const row = await tx.creditCommitment.create({
        data: {
          id,
          subjectCode,
          kind: input.kind,
          matter,
          content,
          signatory,
          reference,
          checkingDepartment,
          recordedByDepartment: department,
          recordedBy: ctx.identity.actor,
          madeOn: input.madeOn,
          termEndsOn: input.termEndsOn,
          updatedAt: clock.now(),
        },
      });
      await commitmentMade(tx, row);
      return row;
    },
  );
}

/**
 * checkCreditCommitment (践诺核查): only the checking department, once. BROKEN needs the finding and the tier, which
 * sets the publicity window (rules.ts); KEPT takes neither tier nor a window.
 */
export async function checkCreditCommitment(ctx: Ctx, input: CommitmentCheckInput): Promise<CreditCommitment> {
  const department = callerDepartment(ctx);
  const id = checkCommitmentId(input.commitmentId, 'input.commitmentId');
  notInFuture(input.checkedOn, 'input.checkedOn');
  const broken = input.outcome === 'BROKEN';
  const finding = broken
    ? requiredText(input.finding, 'input.finding', 2000)
    : optionalText(input.finding, 'input.finding', 2000);
  if (broken && !input.tier)
    throw badInput(
      'input.tier',
      'REQUIRED_FOR_BROKEN',
      '`input.tier` (失信信息分级) is required for a broken commitment',
    );
  if (!broken && input.tier)
    throw badInput('input.tier', 'ONLY_FOR_BROKEN', '`input.tier` is given only for a broken commitment');
  const found = await ctx.db.prisma.creditCommitment.findUnique({ where: { id } });
  if (!found) throw notFound('CreditCommitment', id);
  if (found.checkingDepartment !== department)
    throw forbidden(`commitment ${id} is checked by ${found.checkingDepartment}, not by ${department}`, {
      field: 'input.commitmentId',
      rule: 'CHECKING_DEPARTMENT',
    });
  if (input.checkedOn.getTime() < found.madeOn.getTime())
    throw badInput(
      'input.checkedOn',
      'NOT_BEFORE_MADE',
      `\`input.checkedOn\` (${iso(input.checkedOn)}) must not be before the commitment was made (${iso(found.madeOn)})`,
    );
  const tier = broken ? input.tier! : null;
  const publicityEndsOn = tier ? publicityEnd(tier, input.checkedOn) : null;
  return ctx.audited(
    {
      subjectCode: found.subjectCode,
      fields: ['Mutation.checkCreditCommitment'],
      detail: `commitment ${id}: ${input.outcome}${tier ? ` (${tier})` : ''} on ${iso(input.checkedOn)}`,
    },
    async (tx) => {
      // Checked once: the state condition makes two concurrent checks one winner and one CONFLICT.
      const { count } = await tx.creditCommitment.updateMany({
        where: { id, state: 'IN_FORCE' },
        data: {
          state: input.outcome,
          checkedOn: input.checkedOn,
          checkedBy: ctx.identity.actor,
          finding,
          tier,
          publicityEndsOn,
          updatedAt: clock.now(),
        },
      });
      if (count === 0) {
        const now = await tx.creditCommitment.findUniqueOrThrow({ where: { id } });
        throw conflict(
          'input.commitmentId',
          'ALREADY_CHECKED',
          `commitment ${id} was already checked: ${now.state} on ${now.checkedOn ? iso(now.checkedOn) : '?'}`,
        );
      }
      const row = await tx.creditCommitment.findUniqueOrThrow({ where: { id } });
      await commitmentChecked(tx, row);
      return row;
    },
  );
}
