import { expect, it } from "vitest";
import { createMemoryLimiter } from "../../../src/rate-limit/memory-limiter";
import { policies } from "./support";

// A fixed instant at the start of a window: nothing slides during the test.
const now = () => 60_000 * 1_000;

it("remembers at most maxKeys clients, forgetting the least recently seen first", async () => {
  const limiter = createMemoryLimiter(policies("2/60", "2/60"), { now, maxKeys: 3 });
  const spend = async (key: string) => (await limiter.check("ip", key)).allowed;

  for (const key of ["a", "b", "c"]) expect(await spend(key)).toBe(true);
  // a is seen again: b is now the least recently seen.
  expect(await spend("a")).toBe(true);
  expect(await spend("a")).toBe(false);
  // A fourth client pushes b out; a and c keep their counts.
  expect(await spend("d")).toBe(true);
  expect(await spend("a")).toBe(false);
  expect(await spend("c")).toBe(true);
  expect(await spend("c")).toBe(false);
  // b starts again from zero: forgotten, not refused.
  expect(await spend("b")).toBe(true);
  expect(await spend("b")).toBe(true);
  expect(await spend("b")).toBe(false);
});

it("keeps a flood of new clients to maxKeys entries", async () => {
  const limiter = createMemoryLimiter(policies("1/60", "1/60"), { now, maxKeys: 100 });
  for (let i = 0; i < 10_000; i++) await limiter.check("ip", `flood-${i}`);
  // The latest 100 are remembered (refused again), the first ones are not.
  expect((await limiter.check("ip", "flood-9999")).allowed).toBe(false);
  expect((await limiter.check("ip", "flood-9900")).allowed).toBe(false);
  expect((await limiter.check("ip", "flood-0")).allowed).toBe(true);
});
