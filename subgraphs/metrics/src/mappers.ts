import type { AlertRuleRow, DashboardRow, FactListRow, FiringRow, FrameRow } from './reads.ts';
import type { DimensionId, MetricDefinition } from './rules.ts';

/**
 * The parent types the metrics subgraph's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds them
 * (codegen.ts).
 */

/** A catalogue entry as defined in rules.ts. */
export type MetricMapper = MetricDefinition;

/** A dimension by its id. */
export interface DimensionMapper {
  id: DimensionId;
}

/** A frame before its labels are resolved. */
export interface MetricFrameMapper {
  metric: MetricDefinition;
  groupBy: DimensionId[];
  grain: boolean;
  rows: FrameRow[];
  appliedFilters: { dimension: string; values: string[] }[];
  generatedAt: Date;
}

/** A frame row with its group-by dimensions (to label the keys). */
export type FrameRowMapper = FrameRow & { dims: DimensionId[] };

export type DashboardMapper = DashboardRow;
export type AlertFiringMapper = FiringRow;
export type AlertRuleMapper = AlertRuleRow;

/** A fact behind a number, before its labels. */
export type MetricFactRowMapper = FactListRow;
