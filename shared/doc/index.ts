export * from './text-fragment.ts';
export * from './session-report-doc.ts';
export * from './status-doc.ts';
