// `pnpm db:check`: fails when the schema and the checked-in migrations disagree, i.e. when
// `drizzle-kit generate` would write a new migration. It generates into a scratch copy, so
// the working tree's migrations are never touched.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";

const pkg = path.resolve(import.meta.dirname, "../..");
// drizzle-kit prefixes `--out` with "./", so the scratch folder must be relative to the package.
const scratch = path.relative(pkg, mkdtempSync(path.join(pkg, ".migrations-check-")));
try {
  cpSync(path.join(pkg, "migrations"), path.join(pkg, scratch), { recursive: true });
  const drizzleKit = path.join(pkg, "node_modules/drizzle-kit/bin.cjs");
  const run = spawnSync(
    process.execPath,
    [
      drizzleKit,
      "generate",
      "--dialect",
      "postgresql",
      "--schema",
      "./src/schema/index.ts",
      "--out",
      scratch,
    ],
    { cwd: pkg, encoding: "utf8" },
  );
  // drizzle-kit can fail and still exit 0: only its explicit "no changes" verdict passes.
  if (!run.stdout.includes("No schema changes")) {
    console.error(run.stdout, run.stderr);
    console.error(
      "The schema has changes with no migration (or drizzle-kit failed): run `pnpm db:generate` and commit the result.",
    );
    process.exit(1);
  }
  console.log("Schema and migrations agree.");
} finally {
  rmSync(path.join(pkg, scratch), { recursive: true, force: true });
}
