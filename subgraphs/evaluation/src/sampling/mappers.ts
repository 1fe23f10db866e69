import { z, type Connection } from '@credit-hub/kit';
import type { EvaluationRefresh, InspectionDraw } from '@credit-hub/kit/db';
import type { Stratum } from './rules.ts';

/** The InspectionSample parent: a stored draw with its strata parsed from jsonb. */
export type DrawRecord = Omit<InspectionDraw, 'strata'> & { strata: Stratum[] };

const strata = z.array(
  z.object({
    level: z.string(),
    label: z.string(),
    samplingRatio: z.number(),
    population: z.number().int(),
    drawn: z.number().int(),
  }),
);

/** A stored draw as resolvers receive it: the strata jsonb parsed, never cast. */
export const toDrawMapper = (row: InspectionDraw): DrawRecord => ({ ...row, strata: strata.parse(row.strata) });

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type InspectionSampleMapper = DrawRecord;
export type InspectionSampleConnectionMapper = Connection<DrawRecord>;
export type EvaluationRefreshMapper = EvaluationRefresh;
