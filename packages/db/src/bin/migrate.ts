// `pnpm db:migrate`: applies the migrations to DATABASE_URL (or the running embedded server).
import { runMigrations } from "../migrate";

const url = process.env.DATABASE_URL || undefined;
await runMigrations({ url });
console.log(`Migrations applied to ${url ? new URL(url).host : "the embedded PostgreSQL"}.`);
