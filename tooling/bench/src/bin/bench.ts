import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Cleanup } from "../cleanup";
import { message } from "../log";
import { type BenchOptions, KEY_MODE_JWT, parseOptions, USAGE } from "../options";
import { growthTable, loadTable, renderMarkdown, renderText } from "../report";
import { type RunResult, run } from "../run";
import { FULL_SIZES } from "../seed";

const root = path.resolve(import.meta.dirname, "../../../..");

// What the key rows measure, and what their "× base" is against.
const KEY_MODE_NOTE = `apikey: each user's personal API key (both scopes, made through Better Auth), verified by the hosts in-process against the apikey table and remembered ≤5 s per instance; list and get only. The baseline has no key path: key rows are × base of its ${KEY_MODE_JWT} rows, so the ratio includes the key's cost`;

function describeRun(options: BenchOptions): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return [
    `${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${cpu} · ${Math.round(os.totalmem() / 2 ** 30)} GB`,
    `${FULL_SIZES.users} users × ${FULL_SIZES.todosPerUser} todos; ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s per scenario; request logs on, rate limits in Redis, ${options.otlp ? "OpenTelemetry exported (OTLP/HTTP to a local sink)" : "no OpenTelemetry endpoint"}`,
    ...(options.modes.includes("apikey") ? [KEY_MODE_NOTE] : []),
  ].join("\n");
}

function report(options: BenchOptions, result: RunResult): void {
  const intro = describeRun(options);
  const load = loadTable(result.load);
  const growth = growthTable(result.growth);
  const notes = result.notes.map((note) => `note: ${note}`);
  console.log(
    [
      intro,
      "",
      renderText(load),
      "",
      "Growth (sequential requests, p50):",
      renderText(growth),
      ...(notes.length ? ["", ...notes] : []),
    ].join("\n"),
  );
  if (options.out) {
    const markdown = [
      `\`pnpm bench\`, ${intro.replaceAll("\n", "  \n")}`,
      "",
      renderMarkdown(load),
      "",
      "Growth (sequential requests, p50):",
      "",
      renderMarkdown(growth),
      ...(notes.length ? ["", ...result.notes.map((note) => `- ${note}`)] : []),
      "",
    ].join("\n");
    // Relative to where `pnpm bench` was typed, not to tooling/bench where pnpm runs the script.
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), options.out);
    writeFileSync(file, markdown);
    console.log(`\nMarkdown written to ${file}`);
  }
}

async function main(): Promise<number> {
  let options: BenchOptions | "help";
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }

  const cleanup = new Cleanup();
  let signalledAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    // tsx relays the terminal's SIGINT, so one Ctrl-C arrives twice: only a second Ctrl-C a
    // moment later stops waiting for the clean-up (the exit hook of hosts.ts still kills hosts).
    if (signalledAt !== undefined) {
      if (Date.now() - signalledAt > 1_000) process.exit(130);
      return;
    }
    signalledAt = Date.now();
    console.error(`\n${signal}: stopping the hosts and dropping the bench database…`);
    void cleanup.run().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    const result = await run(root, options, cleanup);
    if (options.smoke)
      console.log(`smoke: ${result.passed} checks passed, ${result.failures.length} failed`);
    else report(options, result);
    // In full above; here one line each.
    for (const failure of result.failures) console.error(`FAILED: ${failure.split("\n")[0]}`);
    return result.failures.length > 0 ? 1 : 0;
  } catch (error) {
    console.error(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
    );
    // drizzle's "Failed query" keeps PostgreSQL's own message in `cause`.
    if (error instanceof Error && error.cause) console.error(`caused by: ${message(error.cause)}`);
    return 1;
  } finally {
    await cleanup.run();
  }
}

// Exit explicitly: nothing the run opened may keep the process (and CI) waiting.
process.exit(await main());
