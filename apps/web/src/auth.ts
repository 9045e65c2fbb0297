import "server-only";
import { redisRateLimitStorage } from "@repo/auth/redis-rate-limit-storage";
import { type Auth, createAuth } from "@repo/auth/server";
import { createDatabase } from "@repo/db/client";
import { createMailer } from "@repo/mail";
import { getEnv } from "./env";
import { getLogger } from "./logger";

// Kept on globalThis so that dev-mode module reloads reuse one instance and one connection pool.
const store = globalThis as typeof globalThis & { webAuth?: Auth };

/** Better Auth, created on first use so that `next build` needs neither environment nor database. */
export function getAuth(): Auth {
  store.webAuth ??= create();
  return store.webAuth;
}

function create(): Auth {
  const env = getEnv();
  const { db } = createDatabase({ url: env.DATABASE_URL });
  return createAuth({
    db,
    secret: env.BETTER_AUTH_SECRET,
    baseURL: env.BETTER_AUTH_URL,
    audience: env.AUTH_AUDIENCE,
    mailer: createMailer(env.mail),
    logger: getLogger(),
    ...(env.REDIS_URL
      ? { rateLimitStorage: redisRateLimitStorage({ url: env.REDIS_URL, logger: getLogger() }) }
      : {}),
    signInLimit: env.AUTH_RATE_LIMIT_SIGN_IN,
    mailLimit: env.AUTH_RATE_LIMIT_MAIL,
    linkLimit: env.AUTH_RATE_LIMIT_LINK,
    requestLimit: env.AUTH_RATE_LIMIT,
    keyRotation: {
      rotationInterval: env.AUTH_JWKS_ROTATION_INTERVAL_SECONDS,
      gracePeriod: env.AUTH_JWKS_GRACE_PERIOD_SECONDS,
    },
  });
}
