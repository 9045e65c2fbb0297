import { setTimeout as delay } from "node:timers/promises";
import type { Topology } from "@repo/topology";
import type { Account } from "@repo/topology/accounts";
import type { LoadResult } from "./load";
import type { PrivatePostgres } from "./private-postgres";
import type { PrivateRedis } from "./private-redis";
import { type Check, passed, type ScenarioResult, tally } from "./report";
import type { TcpProxy } from "./tcp-proxy";
import type { Verification } from "./verify";

/** The topology most scenarios run through, with what it was started with. */
export interface SharedTopology {
  topology: Topology;
  /** Between the API instances and PostgreSQL; passes everything through unless a scenario says. */
  databaseProxy: TcpProxy;
  /** Users signed up through the web app, each with a token from /api/auth/token. */
  accounts: Account[];
}

/** What every scenario shares: private services it may break, and the topology. */
export interface FaultContext {
  postgres: PrivatePostgres;
  redis: PrivateRedis;
  /** The shared topology, started on first use (a scenario may also start one of its own). */
  shared(): Promise<SharedTopology>;
  /** Shorter outages and load (`--short`). */
  short: boolean;
  /** Undo steps for this scenario, run last-in first-out however it ends. */
  onCleanup(step: () => Promise<void>): void;
  log(message: string): void;
}

export type ScenarioOutcome = Omit<ScenarioResult, "name" | "durationMs">;

export interface Scenario {
  name: string;
  /** The whole scenario, set-up and verification included, must end within this. */
  timeoutMs: number;
  run(context: FaultContext): Promise<ScenarioOutcome>;
}

/** The counts of a load and its verification, plus the checks every write scenario makes. */
export function outcomeOf(
  load: LoadResult,
  verification: Verification,
  checks: Check[],
  recoveryMs: number | undefined | null,
): ScenarioOutcome {
  return {
    ...tally(load.observations),
    lost: verification.lost.length,
    recoveryMs,
    checks: [
      {
        name: "no Idempotency-Key made more than one todo",
        ok: verification.duplicated.length === 0,
        detail: verification.duplicated.slice(0, 3).join(", ") || undefined,
      },
      {
        name: "every acknowledged todo is the key's, with the acknowledged id",
        ok: verification.mismatched.length === 0,
        detail: `${verification.acknowledged} acknowledged${verification.mismatched.length ? `; mismatched ${verification.mismatched.slice(0, 3).join(", ")}` : ""}`,
      },
      ...checks,
    ],
  };
}

/** Waits until `ready()` or the deadline; true when it became ready. */
export async function waitFor(ready: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await ready().catch(() => false)) return true;
    await delay(100);
  }
  return false;
}

/** Runs one scenario within its time bound; a throw or a timeout is a failed result, never a skip. */
export async function runScenario(
  scenario: Scenario,
  shared: Omit<FaultContext, "onCleanup">,
): Promise<ScenarioResult> {
  const started = Date.now();
  const cleanups: (() => Promise<void>)[] = [];
  let timer: NodeJS.Timeout | undefined;
  let result: ScenarioResult;
  try {
    const outcome = await Promise.race([
      scenario.run({ ...shared, onCleanup: (step) => void cleanups.push(step) }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`did not finish within ${scenario.timeoutMs / 1000} s`)),
          scenario.timeoutMs,
        );
      }),
    ]);
    result = { name: scenario.name, ...outcome, durationMs: Date.now() - started };
  } catch (error) {
    result = {
      name: scenario.name,
      ...tally([]),
      lost: 0,
      checks: [],
      error: error instanceof Error ? error.message : String(error),
      durationMs: Date.now() - started,
    };
  } finally {
    clearTimeout(timer);
  }
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch (error) {
      shared.log(
        `${scenario.name}: clean-up failed: ${error instanceof Error ? error.message : error}`,
      );
      result.checks.push({ name: "clean-up", ok: false, detail: String(error) });
    }
  }
  shared.log(`${scenario.name}: ${passed(result) ? "passed" : "FAILED"}`);
  return result;
}
