import { describe, expect, it } from "vitest";
import { classify, type Observation } from "../src/classify";

const expectations = { expectedStatuses: [503], slowMs: 1_000 };
const observed = (fields: Partial<Observation>): Observation => ({
  op: "create",
  startedAt: 0,
  endedAt: 100,
  ...fields,
});

describe("classify", () => {
  it.each([
    ["a 201 create", observed({ status: 201 }), { kind: "success" }],
    ["a 200 list", observed({ op: "list", status: 200 }), { kind: "success" }],
    [
      "a 503 with Retry-After",
      observed({ status: 503, retryAfter: "5" }),
      { kind: "expected", status: 503 },
    ],
  ])("counts %s as it should", (_, observation, outcome) => {
    expect(classify(observation, expectations)).toEqual(outcome);
  });

  it.each([
    [
      "a 503 without Retry-After",
      observed({ status: 503, retryAfter: null }),
      /without a valid Retry-After/,
    ],
    [
      "a 503 with a timestamp for Retry-After",
      observed({ status: 503, retryAfter: "Tue, 01 Dec 2026 04:00:00 GMT" }),
      /Retry-After/,
    ],
    ["a status the scenario does not expect", observed({ status: 500 }), /500 on create/],
    ["a 200 to a create", observed({ status: 200 }), /200 on create/],
    ["no response at all", observed({ error: "ECONNREFUSED" }), /no response \(ECONNREFUSED\)/],
    [
      "a success slower than the bound",
      observed({ status: 201, endedAt: 1_001 }),
      /201 after 1001 ms/,
    ],
    [
      "an expected error slower than the bound",
      observed({ status: 503, retryAfter: "5", endedAt: 5_000 }),
      /503 after 5000 ms/,
    ],
  ])("counts %s as unexpected", (_, observation, reason) => {
    const outcome = classify(observation, expectations);
    expect(outcome.kind).toBe("unexpected");
    expect(outcome.kind === "unexpected" && outcome.reason).toMatch(reason);
  });
});
