import { DateScalar, DateTimeScalar } from '@credit-hub/kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { AlertFiring } from './AlertFiring.ts';
import { AlertRule } from './AlertRule.ts';
import { Dashboard } from './Dashboard.ts';
import { Dimension } from './Dimension.ts';
import { FrameRow } from './FrameRow.ts';
import { Metric } from './Metric.ts';
import { MetricFactRow } from './MetricFactRow.ts';
import { MetricFrame } from './MetricFrame.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';

/** The metrics subgraph's resolver map, one object type per file. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Metric,
  Dimension,
  MetricFrame,
  FrameRow,
  MetricFactRow,
  Dashboard,
  AlertFiring,
  AlertRule,
};
