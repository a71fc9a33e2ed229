// The parts every Margin report document shares (documented in docs/doc-format.md): a "meta" map that says
// which form the document holds, a "fields" map of chosen and typed values, and one Y.XmlFragment per
// free-text field, named after the field.
import type * as Y from 'yjs';
import type { z } from 'zod';
import { AssignmentSummary } from '../forms/assignment.ts';
import { Learner } from '../forms/fields.ts';
import { fragmentText } from './text-fragment.ts';

export const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta');
export const fields = (doc: Y.Doc) => doc.getMap<unknown>('fields');
export const textField = (doc: Y.Doc, key: string) => doc.getXmlFragment(key);

export interface ReportMeta {
  format: string;
  formatVersion: number;
  createdAt?: string;
  createdBy?: string;
  /** The assignment the report belongs to; absent for reports made before assignments, and for checklists. */
  assignment?: AssignmentSummary;
}

/** Writes the meta map of a new report. Call inside the transaction that lays out the rest. */
export function writeMeta(
  doc: Y.Doc,
  format: string,
  createdBy: string,
  now: Date,
  assignment?: AssignmentSummary,
): void {
  const m = meta(doc);
  m.set('format', format);
  m.set('formatVersion', 1);
  m.set('createdAt', now.toISOString());
  m.set('createdBy', createdBy);
  if (assignment) m.set('assignment', { ...assignment });
}

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

export function readMeta(doc: Y.Doc): ReportMeta {
  const m = meta(doc);
  return {
    format: str(m.get('format')) ?? '',
    formatVersion: Number(m.get('formatVersion') ?? 0),
    createdAt: str(m.get('createdAt')),
    createdBy: str(m.get('createdBy')),
    assignment: AssignmentSummary.safeParse(m.get('assignment')).data,
  };
}

/** Each field of `shape` as its schema reads it; one missing or not matching (another program wrote it) is left out. */
export type FieldValues<Shape extends Record<string, z.ZodType>> = { [Key in keyof Shape]?: z.output<Shape[Key]> };

/**
 * Reads the values of a "fields" map each on its own, by their schemas: a draft shows what is valid and leaves
 * the rest blank, so one wrong value never hides the others.
 */
export function readFieldValues<Shape extends Record<string, z.ZodType>>(
  map: Y.Map<unknown>,
  shape: Shape,
): FieldValues<Shape> {
  const values: FieldValues<Shape> = {};
  for (const key of Object.keys(shape) as (keyof Shape & string)[]) {
    const read = shape[key].safeParse(map.get(key));
    if (read.success && read.data !== undefined) values[key] = read.data as z.output<Shape[typeof key]>;
  }
  return values;
}

/** A learner stored as a plain value, or undefined when the value is not one. */
export const readLearner = (value: unknown): Learner | undefined => Learner.safeParse(value).data;

export function readTexts(doc: Y.Doc, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, fragmentText(textField(doc, key))]));
}
