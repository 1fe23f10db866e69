/** Row types the resolvers receive as parents (codegen mappers point here). */
export interface SubjectRef {
  code: string;
}
