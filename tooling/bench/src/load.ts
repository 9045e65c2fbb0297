import autocannon from "autocannon";
import { treeUsage } from "./proc";
import { type Caller, requestFor, type Scenario } from "./scenarios";

export interface LoadOptions {
  connections: number;
  /** Measured for this long… */
  durationSeconds?: number;
  /** …or until this many requests have been answered. */
  amount?: number;
  /** Sees every answer (makes autocannon keep bodies: for smoke runs, not measurements). */
  onResponse?: (status: number, body: string) => void;
}

/** Fires a scenario's request sequence at `url` with autocannon. */
export function fire(
  url: string,
  scenario: Scenario,
  callers: Caller[],
  options: LoadOptions,
): Promise<autocannon.Result> {
  let k = 0;
  return autocannon({
    url,
    connections: options.connections,
    ...(options.amount === undefined
      ? { duration: options.durationSeconds ?? 10 }
      : { amount: options.amount }),
    timeout: 10,
    requests: [
      {
        // A new request each time: autocannon reuses what it is given.
        setupRequest: (request) => ({ ...request, ...requestFor(scenario, callers, k++) }),
        ...(options.onResponse ? { onResponse: options.onResponse } : {}),
      },
    ],
  });
}

export interface Measurement {
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, socket errors and timeouts. */
  errors: number;
  cpuMsPerRequest: number;
  peakRssMb: number;
}

/**
 * A warm-up (not measured), then the measured window; the host's CPU time (its whole process
 * tree) is read just before and after the window.
 */
export async function measure(
  url: string,
  pid: number,
  scenario: Scenario,
  callers: Caller[],
  options: { connections: number; durationSeconds: number; warmupSeconds: number },
): Promise<Measurement> {
  const { connections } = options;
  await fire(url, scenario, callers, { connections, durationSeconds: options.warmupSeconds });
  const before = treeUsage(pid);
  const result = await fire(url, scenario, callers, {
    connections,
    durationSeconds: options.durationSeconds,
  });
  const after = treeUsage(pid);
  const requests = result.requests.total;
  return {
    requests,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // autocannon's `errors` counts timeouts too.
    errors: result.non2xx + result.errors,
    cpuMsPerRequest: requests > 0 ? (after.cpuMs - before.cpuMs) / requests : Number.NaN,
    peakRssMb: after.peakRssMb,
  };
}
