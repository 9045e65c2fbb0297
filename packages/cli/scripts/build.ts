// Bundles the CLI, its workspace packages and zod included, into one ES module that plain
// `node` runs: no workspace TypeScript and no node_modules at run time.
import path from "node:path";
import { build } from "esbuild";

export const CLI_DIR = path.resolve(import.meta.dirname, "..");
export const CLI_BUNDLE = path.join(CLI_DIR, "dist/todo.mjs");

/** Builds the bundle to `outfile` (tests build their own copy, away from the workspace). */
export async function buildCli(outfile = CLI_BUNDLE): Promise<string> {
  await build({
    absWorkingDir: CLI_DIR,
    entryPoints: ["src/bin/todo.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    // The machine's own node may be older than the one pnpm runs scripts on.
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    logLevel: "warning",
  });
  return outfile;
}

if (process.argv[1] === import.meta.filename) {
  await buildCli();
  console.log("Built dist/todo.mjs");
}
