import { webcrypto } from "node:crypto";

// RFC 7518 §3.2: an HS256 key must be at least as long as the hash output.
const MIN_SECRET_BYTES = 32;

/**
 * Imports the HS256 secret once. Not crypto.createSecretKey: jose 6.2 exports a secret KeyObject
 * back to bytes and re-imports it on every verification (~2x slower); a CryptoKey is used as is.
 */
export function importHs256Secret(secret: string): Promise<webcrypto.CryptoKey> {
  const bytes = new TextEncoder().encode(secret);
  if (bytes.byteLength < MIN_SECRET_BYTES) {
    throw new RangeError(`The HS256 secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  const hmac = { name: "HMAC", hash: "SHA-256" };
  const key = webcrypto.subtle.importKey("raw", bytes, hmac, false, ["verify"]);
  // Awaited by every verification; this only keeps a failed import from being an unhandled rejection.
  key.catch(() => {});
  return key;
}
