export * from './env.ts';
export * from './errors.ts';
export * from './pagination.ts';
export * from './scalars.ts';
export * from './server.ts';
export * from './regions.ts';
export * from './loaders.ts';
export * from './topology.ts';
