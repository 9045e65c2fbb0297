import { defineConfig } from "drizzle-kit";

// Generation only reads the schema; `pnpm db:migrate` applies the files with drizzle-orm's migrator.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./migrations",
});
