// `pnpm todos:purge`: removes todos and projects soft-deleted more than 30 days ago and expired
// idempotency keys from DATABASE_URL (or the embedded development database). Run it daily.
import { createDatabase } from "@repo/db/client";
import { embeddedDatabaseUrl } from "@repo/db/embedded-url";
import { purgeExpired } from "../src/maintenance/purge";

const url = process.env.DATABASE_URL || embeddedDatabaseUrl();
const { db, close } = createDatabase({ url, max: 1 });
try {
  const purged = await purgeExpired(db);
  console.log(
    `Purged ${purged.todos} todos and ${purged.projects} projects deleted over 30 days ago, and ${purged.idempotencyKeys} expired idempotency keys.`,
  );
} finally {
  await close();
}
