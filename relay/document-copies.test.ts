import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentText, setFragmentText, textField } from '../shared/doc/index.ts';
import { createSessionReportDoc } from '../shared/reports/index.ts';
import {
  dependsOnMissing,
  encodeIntegrated,
  internalFields,
  withoutInternalFields,
  wouldChange,
} from './document-copies.ts';

function report(): Y.Doc {
  const doc = new Y.Doc();
  createSessionReportDoc(
    doc,
    { date: '2030-01-01', start: '13:00', finish: '14:00', subject: 'Maths', learners: [{ id: 'l1', name: 'Ada' }] },
    'Grace',
  );
  setFragmentText(textField(doc, 'progressComment'), 'Added fractions.');
  setFragmentText(textField(doc, 'agencyComment'), 'Parent asked about invoices.\nSecond line.');
  return doc;
}

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

describe('a copy without internal fields', () => {
  it('names the comment to the agency as internal', () => {
    expect(internalFields).toEqual(['agencyComment']);
  });

  it('has every other field but not one byte of the internal text', () => {
    const doc = report();
    const copyBytes = withoutInternalFields(doc);
    expect(contains(Y.encodeStateAsUpdate(doc), 'Parent asked')).toBe(true);
    expect(contains(copyBytes, 'Parent asked')).toBe(false);
    expect(contains(copyBytes, 'Second line')).toBe(false);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, copyBytes);
    expect(fragmentText(textField(copy, 'progressComment'))).toBe('Added fractions.');
    expect(fragmentText(textField(copy, 'agencyComment'))).toBe('');
    expect(copy.getMap('fields').get('subject')).toBe('Maths');
  });

  it('agrees with copies made later, so a device that has one takes the next without doubling text', () => {
    const doc = report();
    const reader = new Y.Doc();
    Y.applyUpdate(reader, withoutInternalFields(doc));
    setFragmentText(textField(doc, 'progressComment'), 'Added fractions and decimals.');
    setFragmentText(textField(doc, 'agencyComment'), 'Changed note.');
    Y.applyUpdate(reader, Y.diffUpdate(withoutInternalFields(doc), Y.encodeStateVector(reader)));
    expect(fragmentText(textField(reader, 'progressComment'))).toBe('Added fractions and decimals.');
    expect(fragmentText(textField(reader, 'agencyComment'))).toBe('');
  });
});

describe('whether an update would change a document', () => {
  it('is true for new items and for deletions not yet made, false for what the document has', () => {
    const doc = report();
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(doc));
    expect(wouldChange(doc, Y.encodeStateAsUpdate(device, Y.encodeStateVector(doc)))).toBe(false);

    const updates: Uint8Array[] = [];
    device.on('update', (update: Uint8Array) => updates.push(update));
    setFragmentText(textField(device, 'progressComment'), 'Typed offline.');
    expect(wouldChange(doc, Y.mergeUpdates(updates))).toBe(true);
    expect(wouldChange(doc, Y.encodeStateAsUpdate(device, Y.encodeStateVector(doc)))).toBe(true);

    const deletion: Uint8Array[] = [];
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.on('update', (update: Uint8Array) => deletion.push(update));
    textField(other, 'agencyComment').delete(0, 1);
    expect(wouldChange(doc, deletion[0])).toBe(true);
    Y.applyUpdate(doc, deletion[0]);
    expect(wouldChange(doc, deletion[0])).toBe(false);
  });
});

/** Two updates from one writer, the second building on the first: as if the first were never sent. */
function outOfOrder(base: Y.Doc, change1: (doc: Y.Doc) => void, change2: (doc: Y.Doc) => void) {
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(writer);
  change1(writer);
  const middle = Y.encodeStateVector(writer);
  change2(writer);
  return {
    first: Y.encodeStateAsUpdate(writer, before),
    second: Y.diffUpdate(Y.encodeStateAsUpdate(writer), middle),
  };
}

describe('updates that build on changes the relay lacks', () => {
  it('are told from updates that build on what the document holds', () => {
    const doc = report();
    const { first, second } = outOfOrder(
      doc,
      (d) => setFragmentText(textField(d, 'progressComment'), 'Added fractions and decimals.'),
      (d) => setFragmentText(textField(d, 'agencyComment'), 'Secret words.'),
    );
    expect(dependsOnMissing(doc, first)).toBe(false);
    expect(dependsOnMissing(doc, second)).toBe(true);
    expect(dependsOnMissing(doc, Y.mergeUpdates([first, second]))).toBe(false);
    Y.applyUpdate(doc, first);
    expect(dependsOnMissing(doc, second)).toBe(false);
  });

  it('see a deletion of an item the document lacks, and an insert next to one from another writer', () => {
    const doc = new Y.Doc();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'abc');
    const unseen = Y.encodeStateAsUpdate(other);
    const writer = new Y.Doc();
    Y.applyUpdate(writer, unseen);
    const seen = Y.encodeStateVector(writer);
    writer.getText('t').delete(1, 1);
    const deletion = Y.diffUpdate(Y.encodeStateAsUpdate(writer), seen);
    expect(dependsOnMissing(doc, deletion)).toBe(true);
    const third = new Y.Doc();
    Y.applyUpdate(third, unseen);
    const at = Y.encodeStateVector(third);
    third.getText('t').insert(2, 'X');
    const insert = Y.diffUpdate(Y.encodeStateAsUpdate(third), at);
    expect(dependsOnMissing(doc, insert)).toBe(true);
    Y.applyUpdate(doc, unseen);
    expect(dependsOnMissing(doc, deletion)).toBe(false);
    expect(dependsOnMissing(doc, insert)).toBe(false);
  });

  it('never reach a copy or an encoding of the document once applied and pending', () => {
    const doc = report();
    const { second } = outOfOrder(
      doc,
      (d) => textField(d, 'progressComment').insert(0, [new Y.XmlText('x')]),
      (d) => setFragmentText(textField(d, 'agencyComment'), 'Secret words.'),
    );
    Y.applyUpdate(doc, second);
    expect(doc.store.pendingStructs).not.toBeNull();
    expect(contains(Y.encodeStateAsUpdate(doc), 'Secret words')).toBe(true);
    expect(contains(encodeIntegrated(doc), 'Secret words')).toBe(false);
    expect(contains(withoutInternalFields(doc), 'Secret words')).toBe(false);
    // Encoding leaves the pending update where it was.
    expect(doc.store.pendingStructs).not.toBeNull();
  });
});
