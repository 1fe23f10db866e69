/** The parent types the import's resolvers receive (codegen finds them by name). */
export type { ImportJobRow as ImportJobMapper, ImportJobPage as ImportJobConnectionMapper } from './reads.ts';
