export * from './identity.ts';
export * from './policy.ts';
export * from './audit.ts';
export * from './schema.ts';
export * from './replay.ts';
