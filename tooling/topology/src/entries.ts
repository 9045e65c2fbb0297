// Which file starts each kind of server in the standalone folders `pnpm build` leaves. Kept in
// one place: the rest of the topology only asks for a kind.
import { existsSync } from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");

/** The API's two production hosts: the Next app on its own server, and the Node host. */
export type ApiHostKind = "next" | "node";

export interface Entry {
  /** The script `node` runs. */
  script: string;
  /** The folder it runs in (the app's folder inside the standalone copy). */
  cwd: string;
}

const standalone = (root: string, app: "api" | "web") =>
  path.join(root, "apps", app, ".next/standalone/apps", app);

function mustExist(root: string, entry: Entry): Entry {
  if (!existsSync(entry.script))
    throw new Error(
      `${path.relative(root, entry.script)} is missing: run \`pnpm build\` first (the topology runs the standalone builds)`,
    );
  return entry;
}

/** dist/next-host.mjs or dist/node-host.mjs of the API's standalone folder. */
export function apiEntry(kind: ApiHostKind, root = REPO_ROOT): Entry {
  const cwd = standalone(root, "api");
  return mustExist(root, { script: path.join(cwd, `dist/${kind}-host.mjs`), cwd });
}

/**
 * The web app's server: its own host (dist/web-host.mjs) when the build has one, else Next's
 * generated server.js.
 */
export function webEntry(root = REPO_ROOT): Entry {
  const cwd = standalone(root, "web");
  const host = path.join(cwd, "dist/web-host.mjs");
  return mustExist(root, { script: existsSync(host) ? host : path.join(cwd, "server.js"), cwd });
}
