export * from './fields.ts';
export * from './targets.ts';
export * from './assignment.ts';
export * from './session-report.ts';
export * from './ilp.ts';
export * from './progress-report.ts';
export * from './progress-review.ts';
