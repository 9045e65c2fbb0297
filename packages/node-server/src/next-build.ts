import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Hands Next the configuration its build resolved (`.next/required-server-files.json`), as
 * Next's own standalone server.js does, so `next()` does not load next.config.ts (which needs
 * the build's tools, absent from a standalone copy). Call it before importing `next`. Throws
 * when `dir` holds no production build.
 */
export function useBuiltNextConfig(dir: string): void {
  let config: string;
  try {
    config = JSON.stringify(
      JSON.parse(readFileSync(path.join(dir, ".next/required-server-files.json"), "utf8")).config,
    );
  } catch (error) {
    throw new Error(
      `no production build in ${dir} (run \`pnpm build\`): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = config;
}
