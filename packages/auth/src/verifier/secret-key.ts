import { webcrypto } from "node:crypto";

// RFC 7518 §3.2: an HS256 key must be at least as long as the hash output.
const MIN_SECRET_BYTES = 32;
// 32 random bytes hold ~30 distinct values; a repeated pattern ("AAAA…", "abab…") a handful.
const MIN_DISTINCT_BYTES = 16;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * The HS256 key in AUTH_JWT_SECRET: base64 or base64url (padding optional) of at least 32
 * random bytes, as `openssl rand -base64 32` prints them. Refused with a RangeError that says
 * why: another encoding, fewer than 32 bytes, or a value that is visibly not random (a word or
 * phrase, which has no upper-case or no lower-case letter, or bytes that repeat a short pattern).
 * The message never quotes the value.
 */
export function decodeHs256Secret(encoded: string): Uint8Array {
  const expected = `base64 of at least ${MIN_SECRET_BYTES} random bytes (e.g. \`openssl rand -base64 32\`)`;
  const unpadded = encoded.replace(/=+$/, "");
  if (!BASE64.test(encoded) || unpadded.length % 4 === 1)
    throw new RangeError(`The HS256 secret must be ${expected}: it is not base64`);
  const bytes = Buffer.from(unpadded.replaceAll("-", "+").replaceAll("_", "/"), "base64");
  if (bytes.byteLength < MIN_SECRET_BYTES)
    throw new RangeError(
      `The HS256 secret must be ${expected}: it decodes to ${bytes.byteLength} bytes`,
    );
  // A random base64 string of 43+ characters lacks one letter case with odds under 1 in 10^9.
  if (
    !/[A-Z]/.test(unpadded) ||
    !/[a-z]/.test(unpadded) ||
    new Set(bytes).size < MIN_DISTINCT_BYTES
  )
    throw new RangeError(`The HS256 secret must be ${expected}: it does not look random`);
  return new Uint8Array(bytes);
}

/**
 * Imports the HS256 secret (see decodeHs256Secret) once. Not crypto.createSecretKey: jose 6.2
 * exports a secret KeyObject back to bytes and re-imports it on every verification (~2x slower);
 * a CryptoKey is used as is.
 */
export function importHs256Secret(secret: string): Promise<webcrypto.CryptoKey> {
  const bytes = decodeHs256Secret(secret);
  const hmac = { name: "HMAC", hash: "SHA-256" };
  const key = webcrypto.subtle.importKey("raw", bytes, hmac, false, ["verify"]);
  // Awaited by every verification; this only keeps a failed import from being an unhandled rejection.
  key.catch(() => {});
  return key;
}
