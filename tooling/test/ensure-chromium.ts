// Finds the Chromium the end-to-end tests drive (`playwright install` cannot download browsers
// on the machines this project runs on; Debian's package works). Run as a script it makes sure
// one exists: on Debian, as root, it installs the `chromium` package itself; anywhere else it
// fails with a message saying how to install one.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Where Debian (and Ubuntu's older packages) put the browser. */
const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export class ChromiumNotFoundError extends Error {}

const INSTALL_HINT = "Debian/Ubuntu: `sudo apt-get install chromium`";
const HOW_TO_INSTALL = `Install one (${INSTALL_HINT}), or set CHROMIUM_PATH to a Chromium or Chrome executable.`;

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The paths searched when CHROMIUM_PATH is unset; CHROMIUM_SEARCH_PATHS (colon-separated) replaces them. */
function searchPaths(env: NodeJS.ProcessEnv): string[] {
  const override = env.CHROMIUM_SEARCH_PATHS;
  if (override === undefined) return SYSTEM_PATHS;
  return override.split(":").filter(Boolean);
}

/**
 * The browser to launch: CHROMIUM_PATH when set (it must exist), else the first of
 * /usr/bin/chromium and /usr/bin/chromium-browser that exists. Throws ChromiumNotFoundError,
 * with a message saying how to install one, when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (isExecutable(explicit)) return path.resolve(explicit);
    const fallback = searchPaths(env).find(isExecutable);
    throw new ChromiumNotFoundError(
      `CHROMIUM_PATH is set to ${explicit}, which ${existsSync(explicit) ? "is not an executable file" : "does not exist"}. ` +
        (fallback
          ? `Point it at a Chromium or Chrome executable, or unset it to use ${fallback}.`
          : `Point it at a Chromium or Chrome executable, or unset it and install Chromium (${INSTALL_HINT}).`),
    );
  }
  const found = searchPaths(env).find(isExecutable);
  if (found) return found;
  throw new ChromiumNotFoundError(
    `No Chromium found for the end-to-end tests (looked for ${searchPaths(env).join(", ") || "nothing"}). ${HOW_TO_INSTALL}`,
  );
}

function canInstallWithApt(env: NodeJS.ProcessEnv): boolean {
  if (env.CHROMIUM_NO_INSTALL === "1" || env.CHROMIUM_PATH) return false;
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  return existsSync("/etc/debian_version") && existsSync("/usr/bin/apt-get");
}

function run(command: string, args: string[]): void {
  console.log(`[ensure-chromium] + ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0)
    throw new ChromiumNotFoundError(
      `\`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal}). ${HOW_TO_INSTALL}`,
    );
}

/** Returns a browser's path, installing Debian's `chromium` first when that is possible. */
export function ensureChromium(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return findChromium(env);
  } catch (error) {
    if (!(error instanceof ChromiumNotFoundError) || !canInstallWithApt(env)) throw error;
  }
  console.log(
    "[ensure-chromium] No Chromium found; installing Debian's `chromium` package (running as root).",
  );
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "chromium"]);
  return findChromium(env);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    console.log(`[ensure-chromium] Using ${ensureChromium()}`);
  } catch (error) {
    console.error(`[ensure-chromium] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
