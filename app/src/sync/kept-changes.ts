// Changes made on this device that the relay did not add (the report was submitted while this device was
// offline, say) are kept here, never dropped: the Yjs update itself, and each field they touched as this device
// had it, to show their author. The device's copy of the report then becomes the relay's again.
import * as Y from 'yjs';
import { fragmentText } from '../../../shared/doc/index.ts';
import { ilpTextFields, progressReportTextFields, sessionReportTextFields } from '../../../shared/reports/index.ts';
import { accessDb, type KeptChange } from './access-db.ts';

const labels: ReadonlyMap<string, string> = new Map(
  [
    ...sessionReportTextFields,
    ...ilpTextFields,
    ...progressReportTextFields(false),
    ...progressReportTextFields(true),
  ].map((field) => [field.key, field.label]),
);

/** A field's label from the forms' metadata, or its key in words ("sessionType" as "Session type"). */
function labelOf(key: string): string {
  const words = key.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
  return labels.get(key) ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/** What `local` has that `relay` does not, as a Yjs update; undefined when the relay has everything. */
export function changesNotOnRelay(local: Y.Doc, relay: Y.Doc): Uint8Array | undefined {
  const relayHas = Y.decodeStateVector(Y.encodeStateVector(relay));
  const localHas = Y.decodeStateVector(Y.encodeStateVector(local));
  const newItems = [...localHas].some(([client, clock]) => clock > (relayHas.get(client) ?? 0));
  const relayDeleted = Y.createDeleteSetFromStructStore(relay.store);
  const localDeleted = Y.createDeleteSetFromStructStore(local.store);
  const newDeletions = [...localDeleted.clients].some(([client, ranges]) =>
    ranges.some((range) => {
      const known = relayDeleted.clients.get(client) ?? [];
      return !known.some((d) => d.clock <= range.clock && range.clock + range.len <= d.clock + d.len);
    }),
  );
  return newItems || newDeletions ? Y.encodeStateAsUpdate(local, Y.encodeStateVector(relay)) : undefined;
}

/** Each field whose content differs between this device's copy and the relay's, as this device has it. */
export function differingFields(local: Y.Doc, relay: Y.Doc): Array<{ label: string; text: string }> {
  const fields: Array<{ label: string; text: string }> = [];
  for (const [key, type] of local.share) {
    if (type instanceof Y.XmlFragment) {
      const mine = fragmentText(type);
      if (mine !== fragmentText(relay.getXmlFragment(key))) fields.push({ label: labelOf(key), text: mine });
    } else if (type instanceof Y.Map) {
      const theirs = relay.getMap(key).toJSON();
      const changed = Object.entries(type.toJSON()).filter(
        ([name, value]) => JSON.stringify(value) !== JSON.stringify(theirs[name]),
      );
      for (const [name, value] of changed)
        fields.push({ label: labelOf(name), text: typeof value === 'string' ? value : JSON.stringify(value) });
    }
  }
  return fields;
}

/** Keeps what `local` has that `relay` does not; undefined when there is nothing to keep. */
export async function keepRefusedChanges(
  reportId: string,
  local: Y.Doc,
  relay: Y.Doc,
  reason: string,
  now = new Date(),
): Promise<KeptChange | undefined> {
  const update = changesNotOnRelay(local, relay);
  if (!update) return undefined;
  const kept: KeptChange = {
    reportId,
    keptAt: now.toISOString(),
    reason,
    fields: differingFields(local, relay),
    update,
  };
  kept.id = await accessDb.keptChanges.add(kept);
  return kept;
}

export const keptChangesFor = (reportId: string) => accessDb.keptChanges.where('reportId').equals(reportId).toArray();

export const forgetKeptChange = (id: number) => accessDb.keptChanges.delete(id);
