import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../../..");

export const APPS = ["api", "web"] as const;
export type App = (typeof APPS)[number];

/** What `pnpm build` leaves for each app: the folder a deployment copies. */
export function standaloneFolder(app: App): string {
  const folder = path.join(REPO_ROOT, "apps", app, ".next/standalone");
  // The app's own server is the last thing `build` adds: its absence means no (complete) build.
  const server = app === "api" ? "apps/api/dist/next-host.mjs" : "apps/web/dist/web-host.mjs";
  if (!existsSync(path.join(folder, server)))
    throw new Error(`${path.relative(REPO_ROOT, folder)} is incomplete: run \`pnpm build\` first`);
  return folder;
}

/** The first `node_modules` folder in `dir` or above it, as Node's resolution would find it. */
export function nodeModulesAbove(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, "node_modules");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * Copies both standalone folders into a new folder under the system's temporary folder, as a
 * deployment would (symlinks kept as they are), and resolves with it; `dispose` removes it.
 */
export async function copyOutOfTheRepository() {
  const dir = await mkdtemp(path.join(tmpdir(), "todo-standalone-"));
  await Promise.all(
    APPS.map((app) =>
      cp(standaloneFolder(app), path.join(dir, app), { recursive: true, verbatimSymlinks: true }),
    ),
  );
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
