import { createHash } from "node:crypto";

/**
 * A key as Better Auth's api-key plugin stores it (its `defaultKeyHasher`): SHA-256, base64url
 * without padding. Written here so that the API, which only looks keys up, does not load Better
 * Auth and its plugin; test/api-key-hash.test.ts holds the two equal.
 */
export const hashApiKey = (key: string): string =>
  createHash("sha256").update(key).digest("base64url");
