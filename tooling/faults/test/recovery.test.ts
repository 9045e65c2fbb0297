import { describe, expect, it } from "vitest";
import { timeToRecover } from "../src/recovery";

const at = (endedAt: number, success: boolean) => ({ endedAt, success });

describe("timeToRecover", () => {
  it("measures to the last of the first k successes in a row after the fault", () => {
    const results = [
      at(50, true),
      at(120, false),
      at(130, true),
      at(140, false),
      at(150, true),
      at(160, true),
      at(170, true),
    ];
    expect(timeToRecover(results, 100, 3)).toBe(70);
  });

  it("ignores successes that ended before the fault did, and sorts by completion", () => {
    const results = [at(90, true), at(95, true), at(130, true), at(110, true)];
    expect(timeToRecover(results, 100, 2)).toBe(30);
  });

  it("is undefined when no run of k successes came", () => {
    expect(timeToRecover([at(110, true), at(120, false), at(130, true)], 100, 2)).toBeUndefined();
  });
});
