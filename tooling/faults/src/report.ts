import type { Recorded } from "./load";

/** One thing a scenario asserts beyond the counts (recovery time, a warning logged once, …). */
export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface Tally {
  requests: number;
  successes: number;
  /** Expected errors by status. */
  expected: Record<string, number>;
  unexpected: number;
  /** Why, with how often: the first thing to read when `unexpected` is not 0. */
  unexpectedReasons: Record<string, number>;
}

export interface ScenarioResult extends Tally {
  name: string;
  /** Acknowledged writes missing from the database. */
  lost: number;
  /** Per the scenario's definition; undefined when it never recovered; null: nothing to recover. */
  recoveryMs?: number | null;
  checks: Check[];
  /** What the line should also say (e.g. warnings per instance). */
  note?: string;
  /** Set when the scenario threw: its numbers are then meaningless, and it failed. */
  error?: string;
  durationMs: number;
}

export function tally(observations: Recorded[]): Tally {
  const result: Tally = {
    requests: observations.length,
    successes: 0,
    expected: {},
    unexpected: 0,
    unexpectedReasons: {},
  };
  for (const { outcome } of observations) {
    if (outcome.kind === "success") result.successes++;
    else if (outcome.kind === "expected")
      result.expected[outcome.status] = (result.expected[outcome.status] ?? 0) + 1;
    else {
      result.unexpected++;
      result.unexpectedReasons[outcome.reason] =
        (result.unexpectedReasons[outcome.reason] ?? 0) + 1;
    }
  }
  return result;
}

export const passed = (result: ScenarioResult) =>
  result.error === undefined &&
  result.unexpected === 0 &&
  result.lost === 0 &&
  result.checks.every((check) => check.ok);

const seconds = (ms: number | undefined) =>
  ms === undefined ? "never" : `${(ms / 1000).toFixed(1)} s`;

/** One line per scenario, then what failed beneath each failed one. */
export function formatReport(results: ScenarioResult[]): string {
  if (results.length === 0) return "FAIL  no scenario ran";
  const width = Math.max(8, ...results.map((r) => r.name.length));
  const lines = results.map((r) => {
    const expected =
      Object.entries(r.expected)
        .map(([status, count]) => `${status}×${count}`)
        .join(" ") || "none";
    const line = [
      passed(r) ? "PASS" : "FAIL",
      r.name.padEnd(width),
      `requests ${r.requests}`,
      `ok ${r.successes}`,
      `expected ${expected}`,
      `unexpected ${r.unexpected}`,
      `lost ${r.lost}`,
      `recover ${r.recoveryMs === null ? "n/a" : seconds(r.recoveryMs)}`,
      ...(r.note ? [r.note] : []),
      `(${seconds(r.durationMs)})`,
    ].join("  ");
    const details = [
      ...(r.error ? [`threw: ${r.error}`] : []),
      ...Object.entries(r.unexpectedReasons)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([reason, count]) => `unexpected ×${count}: ${reason}`),
      ...r.checks.map(
        (c) => `${c.ok ? "ok  " : "FAIL"} ${c.name}${c.detail ? `: ${c.detail}` : ""}`,
      ),
    ];
    return [line, ...details.map((detail) => `      ${detail}`)].join("\n");
  });
  return lines.join("\n");
}

/** 0 only when there were scenarios and every one passed. */
export const exitCodeOf = (results: ScenarioResult[]) =>
  results.length > 0 && results.every(passed) ? 0 : 1;
