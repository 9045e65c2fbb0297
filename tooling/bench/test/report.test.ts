import { describe, expect, it } from "vitest";
import { parseStat, parseStatusKb, treeOf } from "../src/proc";
import { type LoadRow, loadTable, renderMarkdown, renderText } from "../src/report";

const row = (
  host: LoadRow["host"],
  reqPerSec: number,
  p99Ms: number,
  mode: LoadRow["mode"] = "eddsa",
): LoadRow => ({
  mode,
  host,
  scenario: "list",
  requests: reqPerSec * 10,
  reqPerSec,
  p50Ms: 5,
  p99Ms,
  errors: 0,
  cpuMsPerRequest: 0.456,
  peakRssMb: 120.4,
});

describe("the load table", () => {
  const table = loadTable([row("baseline", 6000, 20), row("next", 1500, 50)]);

  it("states req/s and p99 as multiples of the same run's baseline", () => {
    const next = table.rows[1] ?? [];
    expect(next.slice(0, 5)).toEqual(["eddsa", "next", "list", "1500", "0.25×"]);
    expect(next[7]).toBe("2.50×");
    expect(table.rows[0]?.[4]).toBe("");
  });

  it("states API key rows against the baseline's eddsa rows, the baseline having no key path", () => {
    const rows = loadTable([
      row("baseline", 6000, 20, "hs256"),
      row("baseline", 5000, 25),
      row("node", 4000, 50, "apikey"),
    ]).rows;
    expect(rows[2]?.slice(0, 5)).toEqual(["apikey", "node", "list", "4000", "0.80×"]);
    expect(rows[2]?.[7]).toBe("2.00×");
  });

  it("renders aligned plain text and Markdown with numbers right-aligned", () => {
    const text = renderText(table).split("\n");
    expect(text[0]?.startsWith("token  host      scenario  req/s")).toBe(true);
    expect(text[2]).toContain("baseline  list       6000");
    const markdown = renderMarkdown(table).split("\n");
    expect(markdown[1]).toBe("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    expect(markdown[3]).toBe(
      "| eddsa | next | list | 1500 | 0.25× | 5.0 | 50.0 | 2.50× | 0 | 0.46 | 120 |",
    );
  });
});

describe("/proc parsing", () => {
  it("reads ppid and CPU ticks after a command name holding spaces and parentheses", () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    fields[0] = "S"; // state, field 3
    const stat = parseStat(`42 (next-server (v16)) ${fields.join(" ")}\n`);
    // ppid is field 4; utime+stime fields 14+15; cutime+cstime 16+17.
    expect(stat).toEqual({ pid: 42, ppid: 4, cpuTicks: 14 + 15, childCpuTicks: 16 + 17 });
  });

  it("reads a kB line of /proc/<pid>/status, 0 when absent", () => {
    const status = "Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n";
    expect(parseStatusKb(status, "VmHWM")).toBe(204800);
    expect(parseStatusKb(status, "VmSwap")).toBe(0);
  });

  it("collects a process's descendants, not its siblings", () => {
    const p = (pid: number, ppid: number) => ({ pid, ppid, cpuTicks: 0, childCpuTicks: 0 });
    const tree = treeOf(10, [p(1, 0), p(10, 1), p(11, 10), p(12, 11), p(13, 1)]);
    expect(tree.map((s) => s.pid)).toEqual([10, 11, 12]);
  });
});
