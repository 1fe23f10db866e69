/**
 * 限制消费令 (最高人民法院关于限制被执行人高消费及有关消费的若干规定, 法释〔2015〕17号): an order is in force from its
 * issue until the court lifts it. It does not need a listed 失信 case, and withdrawing a case does not lift it.
 */
import type { ConsumptionRestriction } from '@credit-hub/kit/db';

/** An order is in force until lifted (the table shares the case status enum: WITHDRAWN means lifted). */
export const isInForce = (r: Pick<ConsumptionRestriction, 'status'>) => r.status === 'ACTIVE';
