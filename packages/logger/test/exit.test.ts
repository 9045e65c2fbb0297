import { spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";

const FIXTURE = path.join(import.meta.dirname, "fixtures/log-then-exit.ts");

describe("a process that exits right after logging", () => {
  it("loses no line and keeps their order, though its stdout's reader lagged behind", async () => {
    const count = 5_000; // about 1.2 MB: far more than a pipe holds while nobody reads it
    const child = spawn(process.execPath, ["--import", "tsx", FIXTURE, String(count)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
    // A reader busy elsewhere (a log shipper, a test's event loop): the pipe fills, writes wait.
    child.stdout.pause();
    await delay(1_000);
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    expect(await exited).toBe(0);

    const lines = Buffer.concat(chunks).toString("utf8").trimEnd().split("\n");
    const records = lines.map((line) => JSON.parse(line) as { line?: number; msg?: string });
    expect(records.slice(0, -1).map((record) => record.line)).toEqual(
      Array.from({ length: count }, (_, line) => line),
    );
    expect(records.at(-1)?.msg).toBe("last");
  }, 30_000);
});
