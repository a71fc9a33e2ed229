export * from './text-fragment.ts';
export * from './layout.ts';
export * from './status-doc.ts';
