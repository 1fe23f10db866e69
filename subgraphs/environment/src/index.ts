import {
  DateScalar,
  loadSchemaFile,
  startSubgraph,
  type SubgraphDefinition,
  type SubgraphOptions,
} from '@credit-hub/kit';
import { createLoaders, type Loaders } from './loaders.ts';
import { creditSubjectResolvers } from './resolvers/CreditSubject.ts';
import { DischargePermit } from './resolvers/DischargePermit.ts';
import { EnvironmentalPenalty } from './resolvers/EnvironmentalPenalty.ts';
import { environmentalRatingResolvers } from './resolvers/EnvironmentalRating.ts';
import { mutationResolvers } from './resolvers/Mutation.ts';
import { queryResolvers } from './resolvers/Query.ts';
import {
  DEFAULT_GRADE_SCALE,
  GRADE_SCALES,
  gradeLabels,
  type EnvironmentConfig,
  type GradeScale,
  type ValidThrough,
} from './rules.ts';

export { environmentGradeLabels, environmentGrades, environmentRatingValidThrough } from './env.ts';
export type { EnvironmentConfig, GradeScale, ValidThrough } from './rules.ts';

/**
 * 生态环境 — ecology and environment: 企业环境信用评价, 环境行政处罚 and 排污许可证, for a province using
 * `config.grades` grades (the national 4 by default; 5 where a black card is added) with its labels, and its
 * rule for how long a rating counts.
 */
export function createEnvironmentSubgraph(
  config: EnvironmentConfig = { grades: DEFAULT_GRADE_SCALE },
): SubgraphDefinition<Loaders> {
  if (!GRADE_SCALES.includes(config.grades))
    throw new Error(`environment subgraph: grades must be 4 or 5, got ${String(config.grades)}`);
  // Fails at start, not at the first request, when the labels do not match the grades.
  gradeLabels(config);
  return {
    name: 'environment',
    department: 'environment',
    typeDefs: loadSchemaFile(import.meta.url),
    resolvers: {
      Date: DateScalar,
      Query: queryResolvers(config),
      Mutation: mutationResolvers(config),
      CreditSubject: creditSubjectResolvers(config),
      EnvironmentalRating: environmentalRatingResolvers(config),
      EnvironmentalPenalty,
      DischargePermit,
    },
    createLoaders,
  };
}

/** The subgraph with the default four grades (composition reads its schema; the configuration does not change it). */
export const environmentSubgraph = createEnvironmentSubgraph();

export interface EnvironmentSubgraphOptions extends SubgraphOptions {
  /** Grades the province uses (ENVIRONMENT_GRADES): 4 (default) or 5. */
  grades?: GradeScale;
  /** The province's grade names, best first (ENVIRONMENT_GRADE_LABELS). */
  labels?: readonly string[];
  /** When a rating stops counting (ENVIRONMENT_RATING_VALID_THROUGH). */
  validThrough?: ValidThrough;
}

export const startEnvironmentSubgraph = ({ grades, labels, validThrough, ...options }: EnvironmentSubgraphOptions) =>
  startSubgraph(createEnvironmentSubgraph({ grades: grades ?? DEFAULT_GRADE_SCALE, labels, validThrough }), options);
