import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { createLogger } from "../src";
import { createStoreHealth } from "../src/store-health";
import { collectLines } from "../src/testing";

function captureLogs() {
  const { destination, lines } = collectLines();
  return { lines, logger: createLogger({ level: "info", destination }) };
}

/** JSON log lines at a level whose message contains `text`. */
const logged = (lines: string[], level: string, text: string) =>
  lines
    .map((line) => JSON.parse(line) as { level: string; msg?: string; [key: string]: unknown })
    .filter((line) => line.level === level && line.msg?.includes(text));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

it("logs an outage once per 10 s while it lasts, then once when the store is back", () => {
  const { lines, logger } = captureLogs();
  const health = createStoreHealth(logger, { store: "redis" });
  const warnings = () => logged(lines, "warn", "Rate-limit store unavailable");

  health.succeeded();
  expect(lines).toEqual([]);

  for (let i = 0; i < 100; i++) health.failed(new Error("connect ECONNREFUSED"));
  expect(warnings()).toHaveLength(1);
  expect(warnings()[0]).toMatchObject({ store: "redis", err: "connect ECONNREFUSED" });

  vi.advanceTimersByTime(9_999);
  health.failed(new Error("connect ECONNREFUSED"));
  expect(warnings()).toHaveLength(1);
  vi.advanceTimersByTime(1);
  health.failed(new Error("connect ECONNREFUSED"));
  // The repeat says how many requests went unchecked since the last line.
  expect(warnings()).toHaveLength(2);
  expect(warnings()[1]).toMatchObject({ allowedUnchecked: 101 });

  health.succeeded();
  health.succeeded();
  const resumed = logged(lines, "info", "limiting resumed");
  expect(resumed).toHaveLength(1);
  expect(resumed[0]).toMatchObject({ store: "redis", allowedUnchecked: 102 });

  // A new outage is news again at once.
  health.failed("timeout");
  expect(warnings()).toHaveLength(3);
});
