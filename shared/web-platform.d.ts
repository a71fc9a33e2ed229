// The few web-platform globals shared/ uses. Each exists alike in browsers, workers and Node 20+, so
// shared/ declares this small subset instead of taking the DOM's or Node's type library, which would
// let a browser-only or Node-only name slip into shared/ unnoticed. Declared as shared/ calls them:
// add a member here only when shared/ needs it and every part has it.

declare var console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
};

declare var performance: { now(): number };

declare function queueMicrotask(callback: () => void): void;

declare function btoa(data: string): string;
declare function atob(data: string): string;

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

interface JsonWebKey {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  ext?: boolean;
}

interface CryptoKey {
  readonly type: string;
  readonly extractable: boolean;
}

interface CryptoKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

type CryptoAlgorithm = { readonly name: string };
type CryptoBytes = ArrayBuffer | ArrayBufferView<ArrayBuffer>;

interface SubtleCrypto {
  digest(algorithm: string, data: CryptoBytes): Promise<ArrayBuffer>;
  generateKey(algorithm: CryptoAlgorithm, extractable: boolean, usages: string[]): Promise<CryptoKeyPair>;
  exportKey(format: 'jwk', key: CryptoKey): Promise<JsonWebKey>;
  importKey(
    format: 'jwk',
    keyData: JsonWebKey,
    algorithm: CryptoAlgorithm,
    extractable: boolean,
    usages: string[],
  ): Promise<CryptoKey>;
  sign(algorithm: CryptoAlgorithm, key: CryptoKey, data: CryptoBytes): Promise<ArrayBuffer>;
  verify(algorithm: CryptoAlgorithm, key: CryptoKey, signature: CryptoBytes, data: CryptoBytes): Promise<boolean>;
}

declare var crypto: {
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  readonly subtle: SubtleCrypto;
};
