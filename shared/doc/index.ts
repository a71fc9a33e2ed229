export * from './text-fragment.ts';
export * from './layout.ts';
export * from './formats.ts';
export * from './session-report-doc.ts';
export * from './ilp-doc.ts';
export * from './progress-report-doc.ts';
export * from './progress-review-doc.ts';
export * from './status-doc.ts';
