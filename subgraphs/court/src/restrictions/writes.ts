/**
 * 限制消费令 writes: issuing an order and lifting it, each with its audit entry in one transaction. One order in
 * force per subject and case (CONFLICT ALREADY_IN_FORCE); lifting is today, once (CONFLICT ALREADY_LIFTED).
 */
import {
  badInput,
  checkSubjectCode,
  clock,
  conflict,
  notFound,
  notInFuture,
  optionalText,
  regionFor,
  requiredText,
  type SubgraphContext,
} from '@credit-hub/kit';
import type { ConsumptionRestrictionInput, MutationLiftConsumptionRestrictionArgs } from '../__generated__/types.ts';
import { parseCaseNumber } from '../case-number/rules.ts';
import { restrictionIssued, restrictionLifted } from '../events.ts';
import { courtName } from '../writes.ts';
import type { ConsumptionRestrictionMapper } from './mappers.ts';

type Ctx = SubgraphContext<unknown>;
const today = () => clock.today();

export async function issueRestriction(
  ctx: Ctx,
  input: ConsumptionRestrictionInput,
): Promise<ConsumptionRestrictionMapper> {
  const { caseNumber } = parseCaseNumber(input.caseNumber, 'input.caseNumber', today());
  const subjectCode = checkSubjectCode(input.subjectCode, 'input.subjectCode');
  notInFuture(input.issuedOn, 'input.issuedOn');
  const data = {
    subjectCode,
    caseNumber,
    courtName: courtName(input.courtName, 'input.courtName'),
    restrictedPerson: optionalText(input.restrictedPerson, 'input.restrictedPerson', 100),
    regionCode: regionFor(subjectCode, input.regionCode, 'input.regionCode'),
    issuedOn: input.issuedOn,
  };
  return ctx.audited(
    { subjectCode, fields: ['Mutation.issueConsumptionRestriction'], detail: caseNumber },
    async (tx) => {
      const inForce = await tx.consumptionRestriction.count({
        where: { subjectCode, caseNumber, status: 'ACTIVE' },
      });
      if (inForce > 0) {
        throw conflict(
          'input.caseNumber',
          'ALREADY_IN_FORCE',
          `a consumption restriction in case ${caseNumber} is already in force against this subject`,
        );
      }
      const issued = await tx.consumptionRestriction.create({ data });
      await restrictionIssued(tx, issued);
      return issued;
    },
  );
}

export async function liftRestriction(
  ctx: Ctx,
  { id, reason }: MutationLiftConsumptionRestrictionArgs,
): Promise<ConsumptionRestrictionMapper> {
  if (!/^\d{1,18}$/.test(id))
    throw badInput('id', 'FORMAT', `\`id\` must be a numeric order id, got ${JSON.stringify(id)}`);
  const why = requiredText(reason, 'reason', 500);
  const found = await ctx.db.prisma.consumptionRestriction.findUnique({
    where: { id: BigInt(id) },
    select: { subjectCode: true },
  });
  if (!found) throw notFound('Consumption restriction', id);
  return ctx.audited(
    {
      subjectCode: found.subjectCode,
      fields: ['Mutation.liftConsumptionRestriction'],
      detail: `order ${id}: ${why}`,
    },
    async (tx) => {
      const { count } = await tx.consumptionRestriction.updateMany({
        where: { id: BigInt(id), status: 'ACTIVE' },
        data: { status: 'WITHDRAWN', liftedOn: today(), liftReason: why },
      });
      if (count === 0) throw conflict('id', 'ALREADY_LIFTED', `consumption restriction ${id} has already been lifted`);
      const lifted = await tx.consumptionRestriction.findUniqueOrThrow({ where: { id: BigInt(id) } });
      await restrictionLifted(tx, lifted, lifted.liftedOn ?? today(), why);
      return lifted;
    },
  );
}
