export * from './types';
export * from './suite';
export * from './election-safety';
export * from './leader-append-only';
export * from './log-matching';
export * from './leader-completeness';
export * from './state-machine-safety';
