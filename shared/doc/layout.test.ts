import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { z } from 'zod';
import { fields, readFieldValues } from './layout.ts';

describe('readFieldValues', () => {
  const shape = { name: z.string(), days: z.number(), confirmed: z.literal(true) };

  it('reads each field by its schema and leaves out what is missing', () => {
    const doc = new Y.Doc();
    fields(doc).set('name', 'Ada');
    fields(doc).set('confirmed', true);
    expect(readFieldValues(fields(doc), shape)).toEqual({ name: 'Ada', confirmed: true });
  });

  it('leaves out a value another program wrote in the wrong shape, keeping the others', () => {
    const doc = new Y.Doc();
    fields(doc).set('name', 42);
    fields(doc).set('days', Number.POSITIVE_INFINITY);
    fields(doc).set('confirmed', 'yes');
    fields(doc).set('unknown', 'kept out');
    expect(readFieldValues(fields(doc), shape)).toEqual({});
    fields(doc).set('days', 3);
    expect(readFieldValues(fields(doc), shape)).toEqual({ days: 3 });
  });
});
