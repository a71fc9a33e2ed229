// This device's signing key pair (ECDSA P-256), made the first time someone signs here and kept in IndexedDB
// ('margin-signing'). The private key is made non-extractable: the browser can sign with it, and no script,
// Margin's included, can read it out.
import Dexie, { type EntityTable } from 'dexie';
import { newSigningKeys } from '../../../shared/signatures/signature.ts';

interface DeviceKeyRow {
  id: 'device';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  createdAt: string;
}

class SigningDatabase extends Dexie {
  keys!: EntityTable<DeviceKeyRow, 'id'>;

  constructor() {
    super('margin-signing');
    this.version(1).stores({ keys: 'id' });
  }
}

const signingDb = new SigningDatabase();

/** The device's key pair; two tabs making one at once keep whichever was saved first. */
export async function deviceKeys(): Promise<CryptoKeyPair> {
  const found = await signingDb.keys.get('device');
  if (found) return found;
  const made = await newSigningKeys();
  const row: DeviceKeyRow = {
    id: 'device',
    privateKey: made.privateKey,
    publicKey: made.publicKey,
    createdAt: new Date().toISOString(),
  };
  return signingDb.transaction('rw', signingDb.keys, async () => {
    const saved = await signingDb.keys.get('device');
    if (saved) return saved;
    await signingDb.keys.add(row);
    return row;
  });
}
