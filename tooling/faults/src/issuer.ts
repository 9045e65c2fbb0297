import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import pg from "pg";
import type { LoadUser } from "./load";

const ISSUER = "http://faults.localhost";

export interface TestIssuer {
  /** AUTH_* variables that make the API accept this issuer's tokens. */
  env: Record<string, string>;
  /** `count` users written to the database as Better Auth writes them, each with a token. */
  createUsers(databaseUrl: string, count: number, label: string): Promise<LoadUser[]>;
  close(): Promise<void>;
}

/**
 * Tokens as Better Auth's JWT plugin issues them (EdDSA, JWKS on loopback), for users inserted
 * directly: todos belong to an existing user, and a write by a token whose user does not exist
 * is a 401. Through the real web app, sign-up and `/api/auth/token` would give the same pair.
 */
export async function startTestIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { extractable: true });
  const kid = `faults-${randomBytes(4).toString("hex")}`;
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: "EdDSA" }] });
  const server = http.createServer((_, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  // An hour: longer than any run, so no token expires mid-scenario.
  const sign = (id: string) =>
    new SignJWT({ email: `${id}@faults.test`, name: id })
      .setProtectedHeader({ alg: "EdDSA", kid })
      .setSubject(id)
      .setIssuer(ISSUER)
      .setAudience(ISSUER)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(privateKey);

  return {
    env: {
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/api/auth/jwks`,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: ISSUER,
    },
    async createUsers(databaseUrl, count, label) {
      const ids = Array.from(
        { length: count },
        (_, i) => `${label}-${i}-${randomBytes(6).toString("hex")}`,
      );
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(
          `insert into "user" (id, name, email, email_verified, image, created_at, updated_at)
           select id, id, id || '@faults.test', false, null, now(), now() from unnest($1::text[]) as u(id)`,
          [ids],
        );
      } finally {
        await client.end();
      }
      return Promise.all(ids.map(async (id) => ({ id, token: await sign(id) })));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
