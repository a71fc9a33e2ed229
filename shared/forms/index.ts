export * from './fields.ts';
export * from './session-report.ts';
