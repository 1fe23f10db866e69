import { z } from '@credit-hub/kit';
import { BUSINESS_MATTERS, CREDIT_LISTS, MEASURE_KINDS, type CreditListMeta } from './rules.ts';

/** One stored version of a measure (evaluation.measure), as raw SQL returns it: parsed, never cast. */
export const measureRow = z.object({
  id: z.bigint(),
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  kind: z.enum(MEASURE_KINDS),
  lists: z.array(z.enum(CREDIT_LISTS)),
  matters: z.array(z.enum(BUSINESS_MATTERS)),
  content: z.string(),
  basisTitle: z.string(),
  basisNumber: z.string().nullable(),
  basisArticle: z.string().nullable(),
  basisVerification: z.enum(['VERIFIED', 'TO_VERIFY']),
  basisSources: z.array(z.string()),
  basisNote: z.string().nullable(),
  status: z.enum(['ACTIVE', 'RETIRED']),
  changeNote: z.string(),
  changedBy: z.string(),
  createdAt: z.date(),
});

/** One stored version of a measure; the parent of the Measure type. */
export type MeasureRow = z.infer<typeof measureRow>;
export const measureRows = z.array(measureRow);

// The parent types resolvers receive, by the codegen convention: `<GraphQL type>Mapper` (codegen.ts finds them).
export type MeasureMapper = MeasureRow;
export type CreditListInfoMapper = CreditListMeta;
