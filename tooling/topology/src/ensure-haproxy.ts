// Finds the haproxy the multi-instance topology runs in front of its servers. Run as a script
// (or through ensureHaproxy) it makes sure one exists: on Debian, as root, it installs the
// `haproxy` package itself, without leaving the package's own service running; anywhere else it
// fails with a message saying how to install one.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Where Debian's package puts it. */
const SYSTEM_PATHS = ["/usr/sbin/haproxy"];

export class HaproxyNotFoundError extends Error {}

const INSTALL_HINT = "Debian/Ubuntu: `sudo apt-get install haproxy`";
const HOW_TO_INSTALL = `Install it (${INSTALL_HINT}), or set HAPROXY_PATH to an haproxy executable (2.6 or newer).`;

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The paths searched when HAPROXY_PATH is unset; HAPROXY_SEARCH_PATHS (colon-separated) replaces them. */
function searchPaths(env: NodeJS.ProcessEnv): string[] {
  const override = env.HAPROXY_SEARCH_PATHS;
  if (override === undefined) return SYSTEM_PATHS;
  return override.split(":").filter(Boolean);
}

/**
 * The haproxy to run: HAPROXY_PATH when set (it must be an executable file), else
 * /usr/sbin/haproxy. Throws HaproxyNotFoundError, with a message saying how to install it, when
 * there is none.
 */
export function findHaproxy(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.HAPROXY_PATH;
  if (explicit) {
    if (isExecutable(explicit)) return path.resolve(explicit);
    throw new HaproxyNotFoundError(
      `HAPROXY_PATH is set to ${explicit}, which ${existsSync(explicit) ? "is not an executable file" : "does not exist"}. ` +
        `Point it at an haproxy executable, or unset it and install haproxy (${INSTALL_HINT}).`,
    );
  }
  const found = searchPaths(env).find(isExecutable);
  if (found) return found;
  throw new HaproxyNotFoundError(
    `No haproxy found for the multi-instance tests (looked for ${searchPaths(env).join(", ") || "nothing"}). ${HOW_TO_INSTALL}`,
  );
}

function canInstallWithApt(env: NodeJS.ProcessEnv): boolean {
  if (env.HAPROXY_NO_INSTALL === "1" || env.HAPROXY_PATH) return false;
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  return existsSync("/etc/debian_version") && existsSync("/usr/bin/apt-get");
}

function run(command: string, args: string[], { check = true } = {}): number | null {
  console.log(`[ensure-haproxy] + ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    timeout: 300_000,
  });
  if (check && result.status !== 0)
    throw new HaproxyNotFoundError(
      `\`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal}). ${HOW_TO_INSTALL}`,
    );
  return result.status;
}

const POLICY_RC_D = "/usr/sbin/policy-rc.d";
// Another apt run of the machine may hold dpkg's lock for a while: wait for it rather than fail.
const APT = ["-o", "DPkg::Lock::Timeout=120"];

/**
 * Installs Debian's package. Its maintainer scripts start the haproxy service (with the
 * package's /etc/haproxy/haproxy.cfg) where they can: Debian's policy-rc.d convention (exit
 * 101, "action forbidden") stops that for the length of the install, and on a systemd machine
 * the unit the package enabled is disabled again. Nothing else on the machine is touched.
 */
function aptInstall(): void {
  // Docker images ship such a file already; only ours is removed afterwards.
  const ownPolicy = !existsSync(POLICY_RC_D);
  if (ownPolicy)
    writeFileSync(
      POLICY_RC_D,
      "#!/bin/sh\n# ensure-haproxy: no service starts during its install\nexit 101\n",
      { mode: 0o755 },
    );
  try {
    run("apt-get", [...APT, "update"]);
    run("apt-get", [...APT, "install", "-y", "--no-install-recommends", "haproxy"]);
  } finally {
    if (ownPolicy) rmSync(POLICY_RC_D, { force: true });
  }
  if (existsSync("/run/systemd/system"))
    run("systemctl", ["disable", "--now", "haproxy.service"], { check: false });
  else if (
    existsSync("/etc/init.d/haproxy") &&
    run("service", ["haproxy", "status"], { check: false }) === 0
  )
    run("service", ["haproxy", "stop"], { check: false });
}

/** Returns haproxy's path, installing Debian's `haproxy` package first when that is possible. */
export function ensureHaproxy(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return findHaproxy(env);
  } catch (error) {
    if (!(error instanceof HaproxyNotFoundError) || !canInstallWithApt(env)) throw error;
  }
  console.log(
    "[ensure-haproxy] No haproxy found; installing Debian's `haproxy` package (running as root).",
  );
  aptInstall();
  return findHaproxy(env);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    console.log(`[ensure-haproxy] Using ${ensureHaproxy()}`);
  } catch (error) {
    console.error(`[ensure-haproxy] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
