export * from './text-fragment.ts';
export * from './session-report-doc.ts';
