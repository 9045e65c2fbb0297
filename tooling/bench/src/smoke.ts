import type { RunningHost } from "./hosts";
import { fire } from "./load";
import { log } from "./log";
import type { TokenMode } from "./options";
import { type Caller, SCENARIOS } from "./scenarios";

const SMOKE_REQUESTS = 10;

/**
 * A few requests of every scenario (all at once: seconds matter in CI), each of which must
 * answer 2xx. Returns the failed checks, described.
 */
export async function smoke(
  host: RunningHost,
  mode: TokenMode,
  callers: Caller[],
): Promise<{ passed: number; failures: string[] }> {
  const checks = SCENARIOS.map(async (scenario) => {
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
  const outcome = { passed: 0, failures: [] as string[] };
  for (const { ok, line } of await Promise.all(checks)) {
    log(`${ok ? "ok  " : "FAIL"} ${line}`);
    if (ok) outcome.passed++;
    else outcome.failures.push(line);
  }
  return outcome;
}
