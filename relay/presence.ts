// Presence (y-protocols awareness) as a connection sends it: which entries a message sets or removes, and the same
// message stamped with who the relay vouches for. An awareness update is a count, then for each entry its client id,
// clock and state as JSON (null: removed); the relay reads and writes that layout itself, so a state it stamps is
// forwarded as one message, never dropped. Its `user` says who is here (docs/protocol.md, "Presence"): its role is
// always the token's, and for a member's token its name is the account's, whatever the device sent.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { type Speaker, vouchedName } from './comments-check.ts';

interface PresenceEntry {
  client: number;
  clock: number;
  state: unknown;
}

function readEntries(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ client, clock, state: JSON.parse(decoding.readVarString(decoder)) });
  }
  return entries;
}

/** The client ids an awareness update sets or removes. */
export function presenceClients(update: Uint8Array): number[] {
  return readEntries(update).map((entry) => entry.client);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The update with every state's `user` speaking as `speaker`: the role of their token, and a member's account name.
 * A state without `user` (only carets, say) and a removal are left as they are.
 */
export function stampPresence(update: Uint8Array, speaker: Speaker): Uint8Array {
  const encoder = encoding.createEncoder();
  const entries = readEntries(update);
  encoding.writeVarUint(encoder, entries.length);
  for (const { client, clock, state } of entries) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    const stamped =
      isRecord(state) && 'user' in state
        ? {
            ...state,
            user: {
              ...(isRecord(state.user) ? state.user : {}),
              role: speaker.role,
              ...(vouchedName(speaker) ? { name: vouchedName(speaker) } : {}),
            },
          }
        : state;
    encoding.writeVarString(encoder, JSON.stringify(stamped));
  }
  return encoding.toUint8Array(encoder);
}
