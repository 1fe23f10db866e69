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
import { EnvironmentalRating } from './resolvers/EnvironmentalRating.ts';
import { mutationResolvers } from './resolvers/Mutation.ts';
import { queryResolvers } from './resolvers/Query.ts';
import { DEFAULT_GRADE_SCALE, GRADE_SCALES, type EnvironmentConfig, type GradeScale } from './rules.ts';

export { environmentGrades } from './env.ts';
export type { EnvironmentConfig, GradeScale } from './rules.ts';

/**
 * 生态环境 — ecology and environment: 企业环境信用评价, 环境行政处罚 and 排污许可证, for a province using
 * `config.grades` grades (5 by default; 4 where there is no 严重失信/BLACK grade).
 */
export function createEnvironmentSubgraph(
  config: EnvironmentConfig = { grades: DEFAULT_GRADE_SCALE },
): SubgraphDefinition<Loaders> {
  if (!GRADE_SCALES.includes(config.grades))
    throw new Error(`environment subgraph: grades must be 4 or 5, got ${String(config.grades)}`);
  return {
    name: 'environment',
    department: 'environment',
    typeDefs: loadSchemaFile(import.meta.url),
    resolvers: {
      Date: DateScalar,
      Query: queryResolvers(config),
      Mutation: mutationResolvers(config),
      CreditSubject: creditSubjectResolvers(config),
      EnvironmentalRating,
      EnvironmentalPenalty,
      DischargePermit,
    },
    createLoaders,
  };
}

/** The subgraph with the default five grades (composition reads its schema; the grades do not change it). */
export const environmentSubgraph = createEnvironmentSubgraph();

export interface EnvironmentSubgraphOptions extends SubgraphOptions {
  /** Grades the province uses (ENVIRONMENT_GRADES): 5 (default) or 4. */
  grades?: GradeScale;
}

export const startEnvironmentSubgraph = ({ grades, ...options }: EnvironmentSubgraphOptions) =>
  startSubgraph(createEnvironmentSubgraph({ grades: grades ?? DEFAULT_GRADE_SCALE }), options);
