import type { Connection } from '@credit-hub/kit';
import type { AbnormalOperation } from '@credit-hub/kit/db';

/** A 经营异常名录 entry or a 个体工商户's 经营异常状态 mark, as stored (`kind` tells which). */
export type AbnormalOperationMapper = AbnormalOperation;

/** A page of entries; `totalCount` is counted only when asked for. */
export type AbnormalOperationConnectionMapper = Connection<AbnormalOperationMapper> & {
  totalCount: () => Promise<number>;
};
