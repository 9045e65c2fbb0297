import { randomBytes } from "node:crypto";
import { API_KEY_PREFIX } from "@repo/auth/api-key-verifier";
import type { RunningHost } from "./hosts";
import { send } from "./http-client";
import { fire } from "./load";
import { log } from "./log";
import type { TokenMode } from "./options";
import type { Caller, Scenario } from "./scenarios";

const SMOKE_REQUESTS = 10;

interface Check {
  ok: boolean;
  line: string;
}

/**
 * A few requests of every scenario (all at once: seconds matter in CI), each of which must
 * answer 2xx; with API keys, also a well-formed key nobody holds, which must answer 401.
 * Returns the failed checks, described.
 */
export async function smoke(
  host: RunningHost,
  mode: TokenMode,
  scenarios: readonly Scenario[],
  callers: Caller[],
): Promise<{ passed: number; failures: string[] }> {
  const checks = scenarios.map(async (scenario): Promise<Check> => {
    let firstFailure: string | undefined;
    const answered = await fire(host.url, scenario, callers, {
      connections: 2,
      amount: SMOKE_REQUESTS,
      onResponse: (status, body) => {
        if ((status < 200 || status > 299) && !firstFailure)
          firstFailure = `${status} ${body.slice(0, 300)}`;
      },
    });
    const ok = answered["2xx"] === SMOKE_REQUESTS && answered.non2xx === 0 && answered.errors === 0;
    const line = `${mode} ${host.name} ${scenario}: ${answered["2xx"]}/${SMOKE_REQUESTS} 2xx, ${answered.non2xx} non-2xx, ${answered.errors} socket errors or timeouts`;
    return { ok, line: firstFailure ? `${line}; first: ${firstFailure}` : line };
  });
  if (mode === "apikey") checks.push(unknownKey(host));
  const outcome = { passed: 0, failures: [] as string[] };
  for (const { ok, line } of await Promise.all(checks)) {
    log(`${ok ? "ok  " : "FAIL"} ${line}`);
    if (ok) outcome.passed++;
    else outcome.failures.push(line);
  }
  return outcome;
}

/** A key of the right shape that was never issued: refused (401), not a 500. */
async function unknownKey(host: RunningHost): Promise<Check> {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("hex")}`;
  const answer = await send(`${host.url}/api/v1/todos`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const line = `apikey ${host.name} unknown todo_ key: ${answer.status}`;
  return answer.status === 401
    ? { ok: true, line }
    : { ok: false, line: `${line} (expected 401); ${answer.body.slice(0, 300)}` };
}
