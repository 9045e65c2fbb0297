import { describe, expect, it } from "vitest";
import { exitCodeOf, formatReport, type ScenarioResult, tally } from "../src/report";

const result = (fields: Partial<ScenarioResult> = {}): ScenarioResult => ({
  name: "postgres-restart",
  ...tally([]),
  requests: 10,
  successes: 8,
  expected: { 503: 2 },
  lost: 0,
  recoveryMs: 1_200,
  checks: [{ name: "recovered", ok: true }],
  durationMs: 20_000,
  ...fields,
});

describe("report", () => {
  it("prints one line per scenario with the counts", () => {
    const text = formatReport([result()]);
    expect(text).toMatch(
      /^PASS\s+postgres-restart\s+requests 10\s+ok 8\s+expected 503×2\s+unexpected 0\s+lost 0\s+recover 1\.2 s/,
    );
  });

  it("tells a scenario that never recovered from one with nothing to recover, and prints its note", () => {
    expect(formatReport([result({ recoveryMs: undefined })])).toMatch(/recover never/);
    const text = formatReport([result({ recoveryMs: null, note: "warnings api-1×1 api-2×1" })]);
    expect(text).toMatch(/recover n\/a\s+warnings api-1×1 api-2×1\s+\(20\.0 s\)/);
  });

  it.each([
    ["all passed", [result()], 0],
    ["no scenario ran (a set-up that failed)", [], 1],
    [
      "an unexpected response",
      [result({ unexpected: 1, unexpectedReasons: { "500 on create": 1 } })],
      1,
    ],
    ["a lost acknowledged write", [result({ lost: 1 })], 1],
    ["a failed check", [result({ checks: [{ name: "recovered", ok: false }] })], 1],
    ["a scenario that threw", [result({ error: "set-up failed" })], 1],
  ])("exits %s → %i", (_, results, code) => {
    expect(exitCodeOf(results as ScenarioResult[])).toBe(code);
  });

  it("says so when no scenario ran", () => {
    expect(formatReport([])).toBe("FAIL  no scenario ran");
  });

  it("says why a failed scenario failed, beneath its line", () => {
    const text = formatReport([
      result({
        unexpected: 3,
        unexpectedReasons: { "no response (ECONNREFUSED)": 3 },
        error: "boom",
      }),
    ]);
    expect(text).toMatch(/^FAIL/);
    expect(text).toContain("threw: boom");
    expect(text).toContain("unexpected ×3: no response (ECONNREFUSED)");
  });
});
