// The values a report holds besides its free text, for History: read through the kind's definition (its own `facts`
// where it declares them, else its document's maps read plainly), and compared between two versions field by field.
import * as Y from 'yjs';
import { formatDate } from '../workflow/calendar.ts';
import type { ReportFact, ReportKindDefinition } from './definition.ts';

export type { ReportFact };

/** What changed in one value between two versions; a value absent on one side is "Not given". */
export interface FactChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

export const notGiven = 'Not given';

/** "sessionType" -> "Session type", for a value whose kind gives it no label of its own. */
export function labelOfKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A stored value in words: a date as the UK writes it, a tick, a number, learners by name, a record's parts. */
export function valueInWords(value: unknown): string {
  if (value === undefined || value === null || value === '') return notGiven;
  if (typeof value === 'boolean') return value ? 'Ticked' : 'Not ticked';
  if (typeof value === 'number') return value.toLocaleString('en-GB');
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
  if (Array.isArray(value)) {
    const words = value.map((item) =>
      item && typeof item === 'object' && 'name' in item ? String(item.name) : valueInWords(item),
    );
    return words.length ? words.join(', ') : notGiven;
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== 'id')
      .map(([key, part]) => `${labelOfKey(key)}: ${valueInWords(part)}`);
    return parts.length ? parts.join('; ') : notGiven;
  }
  return String(value);
}

/** One value as History lists it: `value` put in words. */
export const factOf = (key: string, label: string, value: unknown): ReportFact => ({
  key,
  label,
  value: valueInWords(value),
});

/**
 * A kind with no `facts` of its own (every kind in the registry declares them, so a document of a kind this device
 * does not know): each entry of the document's maps other than its meta (the "fields" map by its
 * keys, any other map as "Map name: key"), leaving out the kind's free-text fields.
 */
function plainFacts(doc: Y.Doc, definition: Pick<ReportKindDefinition, 'textFields'> | undefined): ReportFact[] {
  const text = new Set(definition?.textFields.map((field) => field.key));
  const facts: ReportFact[] = [];
  for (const [name, type] of doc.share) {
    if (name === 'meta' || text.has(name)) continue;
    // Only a map: a root read from an update has no type yet, and one with a list (a fragment, an array) is not one.
    const isMap = type instanceof Y.Map || (type._start === null && type._map.size > 0);
    if (!isMap) continue;
    for (const [key, value] of Object.entries(doc.getMap<unknown>(name).toJSON())) {
      if (text.has(key)) continue;
      facts.push(
        name === 'fields'
          ? { key, label: labelOfKey(key), value: valueInWords(value) }
          : { key: `${name}.${key}`, label: `${labelOfKey(name)}: ${labelOfKey(key)}`, value: valueInWords(value) },
      );
    }
  }
  return facts;
}

/** Every value the report holds besides its free text, as its kind reads them. */
export function reportFacts(doc: Y.Doc, definition: ReportKindDefinition | undefined): ReportFact[] {
  return definition?.facts ? definition.facts(doc) : plainFacts(doc, definition);
}

/** Each value that differs between two versions, in the later version's order, then those only the earlier had. */
export function factChanges(before: readonly ReportFact[], after: readonly ReportFact[]): FactChange[] {
  const earlier = new Map(before.map((fact) => [fact.key, fact]));
  const later = new Set(after.map((fact) => fact.key));
  const changes: FactChange[] = [];
  for (const fact of after) {
    const was = earlier.get(fact.key)?.value ?? notGiven;
    if (was !== fact.value) changes.push({ key: fact.key, label: fact.label, before: was, after: fact.value });
  }
  for (const fact of before)
    if (!later.has(fact.key) && fact.value !== notGiven)
      changes.push({ key: fact.key, label: fact.label, before: fact.value, after: notGiven });
  return changes;
}
