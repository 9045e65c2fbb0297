/** What one request of the load came to. */
export interface Observation {
  op: "create" | "list" | "probe";
  startedAt: number;
  endedAt: number;
  /** Undefined when no response came (refused, reset, aborted). */
  status?: number;
  retryAfter?: string | null;
  error?: string;
}

/** What a scenario allows. */
export interface Expectations {
  /** Statuses the fault may cause, e.g. 503. A 503 or 429 counts only with a Retry-After. */
  expectedStatuses: number[];
  /** A response slower than this is unexpected, whatever its status. */
  slowMs: number;
}

export type Outcome =
  | { kind: "success" }
  | { kind: "expected"; status: number }
  | { kind: "unexpected"; reason: string };

const SUCCESS: Record<Observation["op"], number[]> = {
  create: [201],
  list: [200],
  probe: [200],
};

/** Whole delta-seconds, as the contract sends them. */
const isDeltaSeconds = (value: string | null | undefined) => !!value && /^\d+$/.test(value);

export function classify(observation: Observation, expectations: Expectations): Outcome {
  const { status, op } = observation;
  const ms = observation.endedAt - observation.startedAt;
  if (status === undefined)
    return { kind: "unexpected", reason: `no response (${observation.error ?? "unknown"})` };
  if (ms > expectations.slowMs)
    return {
      kind: "unexpected",
      reason: `${status} after ${ms} ms (bound ${expectations.slowMs})`,
    };
  if (SUCCESS[op].includes(status)) return { kind: "success" };
  if (!expectations.expectedStatuses.includes(status))
    return { kind: "unexpected", reason: `${status} on ${op}` };
  if ((status === 503 || status === 429) && !isDeltaSeconds(observation.retryAfter))
    return { kind: "unexpected", reason: `${status} without a valid Retry-After` };
  return { kind: "expected", status };
}
