import type { ConsumptionRestriction } from '@credit-hub/kit/db';

/** A 限制消费令 as resolvers receive it: the stored row (its status WITHDRAWN means lifted; see rules.ts). */
export type ConsumptionRestrictionMapper = ConsumptionRestriction;
