import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import type { JwtMode } from "./options";
import type { BenchUser } from "./seed";

/** Who signs the bench's tokens in one mode, and the variables that make the hosts accept them. */
export interface Issuer {
  mode: JwtMode;
  /** AUTH_* variables for the hosts. */
  env: Record<string, string>;
  sign(user: BenchUser): Promise<string>;
  close(): Promise<void>;
}

const ISSUER = "http://bench.localhost";

// Claims as Better Auth's JWT plugin writes them: the user object beside sub/iss/aud/iat/exp.
// An hour, not Better Auth's 15 minutes: a full run outlasts 15 minutes.
const claimsOf = (user: BenchUser) =>
  new SignJWT({
    id: user.id,
    name: user.name,
    email: user.email,
    emailVerified: false,
    image: null,
  })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setAudience(ISSUER)
    .setIssuedAt()
    .setExpirationTime("1h");

/**
 * EdDSA: an Ed25519 key generated for the run, its JWKS served on loopback as Better Auth
 * serves it. HS256: a random shared secret (AUTH_JWT_SECRET).
 */
export async function startIssuer(mode: JwtMode): Promise<Issuer> {
  if (mode === "hs256") {
    const key = randomBytes(32);
    const secret = key.toString("base64url");
    return {
      mode,
      env: { AUTH_JWT_SECRET: secret, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: ISSUER },
      sign: (user) => claimsOf(user).setProtectedHeader({ alg: "HS256" }).sign(key),
      close: async () => {},
    };
  }
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { extractable: true });
  const kid = `bench-${randomBytes(4).toString("hex")}`;
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: "EdDSA" }] });
  const server = http.createServer((_, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    mode,
    env: {
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/api/auth/jwks`,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: ISSUER,
    },
    sign: (user) => claimsOf(user).setProtectedHeader({ alg: "EdDSA", kid }).sign(privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
