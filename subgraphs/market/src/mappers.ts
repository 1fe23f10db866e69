import type { AnnualReport, Registration } from '@credit-hub/kit/db';

/**
 * The parent types the market subgraph's resolvers receive, named `<GraphQL type>Mapper` so that codegen finds them
 * (codegen.ts; the 经营异常名录's are in abnormal/mappers.ts, the 严重违法失信名单's in serious/mappers.ts): a
 * resolver that reads a column its parent does not carry fails to compile.
 */

/** Market supervision holds no rows of the subject register: it knows a subject by its key alone. */
export interface CreditSubjectMapper {
  code: string;
}

/** 登记信息: the stored registration row. */
export type RegistrationMapper = Registration;

/** 年度报告: the stored row of one year (its status as of today is computed, rules.ts `annualReportStatus`). */
export type AnnualReportMapper = AnnualReport;
