import { setTimeout as delay } from "node:timers/promises";
import { classify, type Expectations, type Observation, type Outcome } from "./classify";

/** Who the load acts as: a user that exists, and a bearer token for it. */
export interface LoadUser {
  id: string;
  token: string;
}

export interface LoadOptions {
  /** Where `/api/v1` lives: one API host now, the load balancer later. */
  apiUrl: string;
  /** Requests rotate over these (so a per-user rate limit can stay out of the way). */
  users: LoadUser[];
  /** Embedded in every Idempotency-Key and title, so verify.ts finds exactly this run's rows. */
  runId: string;
  /** Loops that create todos, one logical create at a time. */
  writers: number;
  /** Loops that read lists; with a short pause they also serve as the recovery probe. */
  readers: number;
  /** No new create or read starts after this. */
  durationMs: number;
  expectations: Expectations;
  /** How long creates still retrying may go on after `durationMs` (default 20 s). */
  drainMs?: number;
  /** Attempts per logical create (default 8). */
  maxAttempts?: number;
  /** Retry-After is honoured up to this (default 5 s). */
  retryAfterCapMs?: number;
  /** Pause between a reader's requests (default 50 ms). */
  readerPauseMs?: number;
}

/** One logical create: its key, and what became of it. */
export interface LedgerEntry {
  key: string;
  title: string;
  userId: string;
  attempts: number;
  /** What each attempt got: a status, or "network". */
  answers: (number | "network")[];
  /** The id of the 201 the client received: the API promised this todo exists. */
  acknowledgedId?: string;
}

export type Recorded = Observation & { outcome: Outcome };

export interface LoadResult {
  observations: Recorded[];
  ledger: LedgerEntry[];
  /** Timestamps a scenario marked while the load ran (e.g. faultStart, faultEnd). */
  marks: Record<string, number>;
}

export interface RunningLoad {
  /** Remembers now under `name` and returns it. */
  mark(name: string): number;
  /** Starts no new request from now on (creates still retrying may finish). */
  stop(): void;
  result: Promise<LoadResult>;
}

interface Answer {
  status?: number;
  retryAfter?: string | null;
  body?: unknown;
  error?: string;
}

/** Runs N writers and M readers against `apiUrl` for a bounded time, recording every response. */
export function startLoad(options: LoadOptions): RunningLoad {
  const {
    apiUrl,
    users,
    runId,
    expectations,
    drainMs = 20_000,
    maxAttempts = 8,
    retryAfterCapMs = 5_000,
    readerPauseMs = 50,
  } = options;
  if (users.length === 0) throw new Error("the load needs at least one user");
  const started = Date.now();
  let endAt = started + options.durationMs;
  const drainUntil = endAt + drainMs;
  // Past the slow bound a response is unexpected anyway; a little later the request is given up.
  const abortAfterMs = expectations.slowMs + 5_000;
  const observations: Recorded[] = [];
  const ledger: LedgerEntry[] = [];
  const marks: Record<string, number> = {};
  let nextUser = 0;
  const pickUser = () => users[nextUser++ % users.length] as LoadUser;

  async function send(
    op: Observation["op"],
    path: string,
    user: LoadUser,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<Answer> {
    const startedAt = Date.now();
    let answer: Answer;
    try {
      const response = await fetch(`${apiUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${user.token}`, ...init.headers },
        signal: AbortSignal.timeout(abortAfterMs),
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      answer = { status: response.status, retryAfter: response.headers.get("retry-after"), body };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      answer = { error: cause ?? (error instanceof Error ? error.name : String(error)) };
    }
    const observation: Observation = { op, startedAt, endedAt: Date.now(), ...answer };
    observations.push({ ...observation, outcome: classify(observation, expectations) });
    return answer;
  }

  async function create(writer: number, seq: number): Promise<void> {
    const user = pickUser();
    const key = `${runId}.w${writer}.${seq}`;
    const entry: LedgerEntry = {
      key,
      title: `faults ${key}`,
      userId: user.id,
      attempts: 0,
      answers: [],
    };
    ledger.push(entry);
    const body = JSON.stringify({ title: entry.title });
    while (entry.attempts < maxAttempts) {
      entry.attempts++;
      const answer = await send("create", "/api/v1/todos", user, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": key },
        body,
      });
      entry.answers.push(answer.status ?? "network");
      if (answer.status === 201) {
        entry.acknowledgedId = (answer.body as { id?: string }).id;
        return;
      }
      // A client error will not change on a retry (classify() has judged it already).
      if (answer.status !== undefined && answer.status < 500) return;
      const seconds = Number(answer.retryAfter);
      const wait = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1_000;
      if (Date.now() + Math.min(wait, retryAfterCapMs) > drainUntil) return;
      await delay(Math.min(wait, retryAfterCapMs));
    }
  }

  async function writer(index: number) {
    for (let seq = 0; Date.now() < endAt; seq++) await create(index, seq);
  }

  async function reader() {
    while (Date.now() < endAt) {
      await send("list", "/api/v1/todos?limit=5", pickUser());
      await delay(readerPauseMs);
    }
  }

  const result = Promise.all([
    ...Array.from({ length: options.writers }, (_, i) => writer(i)),
    ...Array.from({ length: options.readers }, () => reader()),
  ]).then(() => ({ observations, ledger, marks }));

  return {
    mark(name) {
      marks[name] = Date.now();
      return marks[name];
    },
    stop() {
      endAt = Math.min(endAt, Date.now());
    },
    result,
  };
}
