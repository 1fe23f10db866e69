export * from './uscc.ts';
export * from './kind.ts';
export * from './idcard.ts';
export * from './mask.ts';
export * from './person-key.ts';
export * from './provinces.ts';
