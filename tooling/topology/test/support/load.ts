import { randomUUID } from "node:crypto";
import http from "node:http";
import { request } from "../../src/http-client";

export interface LoadResult {
  /** Every answer's status, in the order they came. */
  statuses: number[];
  /** Requests that got no answer or a non-2xx one: what, and why. */
  failures: string[];
  /** Ids of todos whose creation was acknowledged (201). */
  created: string[];
}

/**
 * `loops` clients, each creating a todo then reading it back through `apiUrl`, over and over
 * until stop() is called. Creates carry an Idempotency-Key, as a client that may retry sends.
 */
export function startLoad(apiUrl: string, token: string, loops: number) {
  const result: LoadResult = { statuses: [], failures: [], created: [] };
  const agent = new http.Agent({ keepAlive: true, maxSockets: loops });
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  let running = true;

  const record = (what: string, status: number, text: string) => {
    result.statuses.push(status);
    if (status < 200 || status > 299)
      result.failures.push(`${what}: ${status} ${text.slice(0, 300)}`);
  };

  async function loop(n: number) {
    for (let i = 0; running; i++) {
      const what = `loop ${n} #${i}`;
      try {
        const created = await request(`${apiUrl}/api/v1/todos`, {
          headers: { ...headers, "idempotency-key": randomUUID() },
          body: JSON.stringify({ title: `rolling ${n}-${i}` }),
          agent,
        });
        record(`${what} create`, created.status, created.text);
        if (created.status !== 201) continue;
        const { id } = JSON.parse(created.text) as { id: string };
        result.created.push(id);
        const read = await request(`${apiUrl}/api/v1/todos/${id}`, { headers, agent });
        record(`${what} read`, read.status, read.text);
      } catch (error) {
        result.failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  const done = Promise.all(Array.from({ length: loops }, (_, n) => loop(n)));
  return {
    result,
    /** Ends every loop after its request in flight; resolves with what they saw. */
    async stop(): Promise<LoadResult> {
      running = false;
      await done;
      agent.destroy();
      return result;
    },
  };
}
