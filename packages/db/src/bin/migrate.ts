// `pnpm db:migrate`: applies the migrations to DATABASE_URL_UNPOOLED (Neon's direct URL: the
// migration lock needs a session, which a transaction-mode pooler does not keep), else
// DATABASE_URL, else the running embedded server. Several instances may run it at once.
import { embeddedDatabaseUrl } from "../embedded-url";
import { runMigrations } from "../migrate";

const url = process.env.DATABASE_URL_UNPOOLED || process.env.DATABASE_URL || embeddedDatabaseUrl();
await runMigrations({ url });
console.log(`Migrations applied to ${new URL(url).host}.`);
