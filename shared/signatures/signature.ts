// Signatures on a report: ECDSA P-256 with SHA-256 (WebCrypto), over the 32 bytes of the report's signed-content
// hash (signed-content.ts). Each device keeps its own key pair, the private key never leaving it; a signature
// carries the public key as a JWK, so anyone can check it. A signature is valid while it verifies against the
// hash of the report as it stands now; once the report changes, it no longer does.
import { z } from 'zod';
import { hexToBytes } from './hash.ts';

const algorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const signing = { name: 'ECDSA', hash: 'SHA-256' } as const;

export const PublicKeyJwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type PublicKeyJwk = z.infer<typeof PublicKeyJwk>;

/** A signature as it is sent to the relay and kept with the decision it goes with (which says who and when). */
export const ReportSignature = z.object({
  publicKey: PublicKeyJwk,
  /** The ECDSA signature (IEEE P1363, 64 bytes) in base64url. */
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'A P-256 signature is 64 bytes (86 base64url characters).'),
  /** The signed-content hash it was made over, hex. */
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'The hash is 64 lowercase hex digits.'),
});
export type ReportSignature = z.infer<typeof ReportSignature>;

export type SignatureCheck = 'valid' | 'changed' | 'not-genuine';

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromBase64Url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

/** A new key pair whose private key cannot be exported (it can be stored in IndexedDB and used, never read). */
export function newSigningKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(algorithm, false, ['sign', 'verify']);
}

export async function exportPublicKey(key: CryptoKey): Promise<PublicKeyJwk> {
  const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', key);
  return PublicKeyJwk.parse({ kty, crv, x, y });
}

export async function signHash(keys: CryptoKeyPair, hash: string): Promise<ReportSignature> {
  const signature = new Uint8Array(
    await crypto.subtle.sign(signing, keys.privateKey, hexToBytes(hash) as Uint8Array<ArrayBuffer>),
  );
  return { publicKey: await exportPublicKey(keys.publicKey), signature: toBase64Url(signature), hash };
}

async function verifies(signature: ReportSignature, hash: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('jwk', { ...signature.publicKey, ext: true }, algorithm, false, [
      'verify',
    ]);
    return await crypto.subtle.verify(
      signing,
      key,
      fromBase64Url(signature.signature) as Uint8Array<ArrayBuffer>,
      hexToBytes(hash) as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return false;
  }
}

/**
 * Checks a signature against the report's hash now: valid when it verifies over it; "changed" when it verifies
 * only over the hash it was made on (the report changed after signing); "not-genuine" when it verifies over neither.
 */
export async function checkSignature(signature: ReportSignature, currentHash: string): Promise<SignatureCheck> {
  if (await verifies(signature, currentHash)) return 'valid';
  return signature.hash !== currentHash && (await verifies(signature, signature.hash)) ? 'changed' : 'not-genuine';
}
