import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";

export const ISSUER = "http://issuer.test";

export interface TestIssuer {
  jwksUrl: string;
  /**
   * A token as Better Auth's JWT plugin issues it, with `claims` merged over the defaults
   * (`iat`: now; `exp`: 15 minutes after now).
   */
  token(sub: string, claims?: JWTPayload & { exp?: number; iat?: number }): Promise<string>;
  close(): Promise<void>;
}

/** A token issuer with a real Ed25519 key, serving its JWKS over HTTP as Better Auth does. */
export async function startTestIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { extractable: true });
  const kid = "test-key";
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: "EdDSA" }] });
  const server = http.createServer((_, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    jwksUrl: `http://127.0.0.1:${port}/api/auth/jwks`,
    token: (sub, claims = {}) =>
      new SignJWT({ email: `${sub}@example.test`, name: sub, ...claims })
        .setProtectedHeader({ alg: "EdDSA", kid })
        .setSubject(sub)
        .setIssuer(ISSUER)
        .setAudience(ISSUER)
        .setIssuedAt(claims.iat)
        .setExpirationTime(claims.exp ?? "15m")
        .sign(privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
