// `pnpm audit:prod`: the production dependencies against the registry's advisories. Fails on a
// high or critical one; when the registry's audit endpoint cannot be reached or refuses to
// answer (no network, a mirror without it: this project's own machines answer 405), it says so
// and passes, since no advisory could be read. Any other failure of the audit fails.
import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type AuditOutcome =
  | { kind: "clean"; output: string }
  | { kind: "vulnerable"; output: string }
  | { kind: "unreachable"; reason: string }
  | { kind: "failed"; output: string };

// What pnpm prints when it got no answer to read: its own code for a non-2xx answer of both
// audit endpoints, and the network errors its fetch reports.
const UNREACHABLE =
  /ERR_PNPM_AUDIT_BAD_RESPONSE|ERR_PNPM_AUDIT_ENDPOINT_NOT_EXISTS|\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH)\b/;

/** Runs `pnpm audit --prod --audit-level high` in `cwd` and says what it found. */
export async function auditProduction({
  cwd,
  registry,
  timeoutMs = 120_000,
}: {
  cwd: string;
  registry?: string;
  timeoutMs?: number;
}): Promise<AuditOutcome> {
  const args = ["audit", "--prod", "--audit-level", "high"];
  if (registry) args.push("--registry", registry);
  const run = await new Promise<{ status: number | null; output: string; error?: Error }>(
    (resolve) => {
      // The pnpm running this script (npx's copy in CI), not whichever is on PATH, if any.
      const pnpm = process.env.npm_execpath;
      const [command, prefix] =
        pnpm?.endsWith(".js") || pnpm?.endsWith(".cjs")
          ? [process.execPath, [pnpm]]
          : [pnpm || "pnpm", []];
      const child = spawn(command, [...prefix, ...args], {
        cwd,
        timeout: timeoutMs,
        // One attempt: pnpm's retries wait minutes on an endpoint that is not there.
        env: { ...process.env, npm_config_fetch_retries: "0" },
      });
      let output = "";
      child.stdout.on("data", (chunk) => {
        output += chunk;
      });
      child.stderr.on("data", (chunk) => {
        output += chunk;
      });
      child.once("error", (error) => resolve({ status: null, output, error }));
      child.once("close", (status, signal) =>
        resolve({
          status,
          output,
          ...(signal ? { error: new Error(`pnpm audit stopped by ${signal} (timeout?)`) } : {}),
        }),
      );
    },
  );
  const { output } = run;
  if (run.error) return { kind: "failed", output: `${output}\n${run.error.message}` };
  if (run.status === 0) return { kind: "clean", output };
  const unreachable = UNREACHABLE.exec(output);
  if (unreachable)
    return {
      kind: "unreachable",
      reason:
        output
          .split("\n")
          .find((line) => line.includes(unreachable[0]))
          ?.trim() ?? unreachable[0],
    };
  if (/\d+ vulnerabilities found/.test(output)) return { kind: "vulnerable", output };
  return { kind: "failed", output };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = path.resolve(import.meta.dirname, "../../..");
  const outcome = await auditProduction({ cwd: root });
  switch (outcome.kind) {
    case "clean":
      console.log("audit: no high or critical advisory in the production dependencies");
      break;
    case "unreachable":
      console.log(
        `audit: SKIPPED, the registry's audit endpoint could not be reached, so no advisory was read (${outcome.reason})`,
      );
      break;
    case "vulnerable":
      console.error(
        `${outcome.output}\naudit: a production dependency has a high or critical advisory`,
      );
      process.exit(1);
      break;
    case "failed":
      console.error(`${outcome.output}\naudit: pnpm audit failed`);
      process.exit(1);
  }
}
