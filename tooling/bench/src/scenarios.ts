import type { TokenMode } from "./options";
import { CREATED_TITLE } from "./seed";

export const SCENARIOS = ["list", "get", "patch", "create"] as const;
export type Scenario = (typeof SCENARIOS)[number];

/**
 * A key is checked before any handler runs, the same way for every operation: the reads, the
 * cheapest requests, show its cost best; writes would add a minute to the run and say no more.
 */
const KEY_SCENARIOS: readonly Scenario[] = ["list", "get"];

export const scenariosFor = (mode: TokenMode): readonly Scenario[] =>
  mode === "apikey" ? KEY_SCENARIOS : SCENARIOS;

/** A user the load acts as: a token (a JWT or an API key) the hosts accept and the ids of that user's todos. */
export interface Caller {
  token: string;
  todoIds: string[];
}

export interface BenchRequest {
  method: "GET" | "POST" | "PATCH";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const CREATE_BODY = JSON.stringify({ title: CREATED_TITLE });
const PATCH_BODIES = [JSON.stringify({ completed: true }), JSON.stringify({ completed: false })];

/**
 * The k-th request of a scenario: users in turn, and for each user its todos in turn, so
 * every host gets the same sequence and concurrent writes rarely touch the same row.
 */
export function requestFor(scenario: Scenario, callers: Caller[], k: number): BenchRequest {
  const caller = callers[k % callers.length];
  if (!caller) throw new Error("no callers");
  const round = Math.floor(k / callers.length);
  const todoId = caller.todoIds[round % caller.todoIds.length];
  const authorization = `Bearer ${caller.token}`;
  switch (scenario) {
    case "list":
      return { method: "GET", path: "/api/v1/todos", headers: { authorization } };
    case "get":
      return { method: "GET", path: `/api/v1/todos/${todoId}`, headers: { authorization } };
    case "create":
      return {
        method: "POST",
        path: "/api/v1/todos",
        headers: { authorization, "content-type": "application/json" },
        body: CREATE_BODY,
      };
    case "patch":
      return {
        method: "PATCH",
        path: `/api/v1/todos/${todoId}`,
        headers: { authorization, "content-type": "application/json" },
        body: PATCH_BODIES[round % 2],
      };
  }
}
