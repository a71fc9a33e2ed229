// A report's draft is its schema's fields as the document holds them while it is written: any may be missing
// yet, a choice may hold a value outside the schema's list (another program wrote it), and the free-text
// fields sit apart in `text`, by key, as the form's editors keep them. Deriving the draft from the schema
// keeps each field written once: in the schema.
import type { z } from 'zod';
import type { ReportMeta } from '../doc/layout.ts';
import type { FreeTextField } from '../forms/fields.ts';

/** A value as a draft may hold it: a choice from a list may be any text until it is checked. */
export type AsDrafted<T> = T extends string ? string : T;

export type DraftOf<Schema extends z.ZodType, TextKey extends PropertyKey> = ReportMeta & {
  [Key in Exclude<keyof z.input<Schema>, TextKey>]?: AsDrafted<z.input<Schema>[Key]>;
} & { text: Record<string, string> };

/** The draft in the shape its schema checks: its fields, with each free-text field's text (empty when unwritten). */
export function schemaInput(
  draft: ReportMeta & { text: Record<string, string> },
  textFields: readonly Pick<FreeTextField, 'key'>[],
): Record<string, unknown> {
  const { text, format: _format, formatVersion: _version, createdAt: _at, createdBy: _by, ...values } = draft;
  return { ...values, ...Object.fromEntries(textFields.map(({ key }) => [key, text[key] ?? ''])) };
}
