export * from './fields.ts';
export * from './targets.ts';
export * from './assignment.ts';
