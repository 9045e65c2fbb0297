import { base64url, CompactSign, type CryptoKey, exportJWK, generateKeyPair, type JWK } from "jose";

export const ISSUER = "http://127.0.0.1:3000";
export const AUDIENCE = "http://127.0.0.1:3000";
/** HS256 secrets as AUTH_JWT_SECRET holds them: base64url of 32 random bytes. */
export const SECRET = "NwXNRexZ9nyqIZftuodGwNFO-1axW4g_AICdS3W-9-w";
export const OTHER_SECRET = "lO0Nq_ocS-toYiNOTLMwqaXMB8Y2oz-sxKie5lgGRxQ";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public JWK as Better Auth publishes it. */
  jwk: JWK;
}

export async function createSigningKey(kid: string): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair("EdDSA");
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "EdDSA", use: "sig" };
  return { kid, privateKey, jwk };
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A payload shaped like the web app's trimmed Better Auth token; overrides set to undefined are dropped. */
export function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = nowSeconds();
  return {
    sub: "user_1",
    email: "ada@example.com",
    name: "Ada",
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now,
    exp: now + 900,
    ...overrides,
  };
}

type Header = { alg: string; kid?: string };

/** Signs any payload, well-formed or not, so the tests can forge what jose's SignJWT would refuse. */
export function sign(
  key: CryptoKey | Uint8Array,
  header: Header,
  payload: Record<string, unknown>,
): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  return new CompactSign(bytes).setProtectedHeader(header).sign(key);
}

export const signWith = (key: SigningKey, payload = claims()) =>
  sign(key.privateKey, { alg: "EdDSA", kid: key.kid }, payload);

export const signHs256 = (secret: string, payload = claims(), kid?: string) =>
  sign(Buffer.from(secret, "base64url"), { alg: "HS256", kid }, payload);

/** An `alg: none` token, built by hand: jose will not produce one. */
export function unsecuredToken(header: Record<string, unknown>, payload = claims()): string {
  const part = (value: unknown) => base64url.encode(JSON.stringify(value));
  return `${part(header)}.${part(payload)}.`;
}
