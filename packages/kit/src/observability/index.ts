export * from './scope.ts';
export * from './log.ts';
export * from './metrics.ts';
export * from './tracing.ts';
export * from './http.ts';
export * from './setup.ts';
