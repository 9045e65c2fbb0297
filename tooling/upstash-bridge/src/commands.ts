import { sha1, withoutKeyLockingFlag } from "@repo/redis-scripts/lua-shebang";
import type { Redis } from "ioredis";

export type Command = string[];

/** One command's outcome as the REST protocol carries it. */
export type Reply = { result: unknown } | { error: string };

// Commands that would change the one shared connection's state for every other client.
const REFUSED = new Set(
  "AUTH DISCARD EXEC HELLO MONITOR MULTI PSUBSCRIBE PUNSUBSCRIBE QUIT RESET SELECT SSUBSCRIBE SUBSCRIBE SUNSUBSCRIBE UNSUBSCRIBE UNWATCH WATCH".split(
    " ",
  ),
);

export class CommandError extends Error {}

/**
 * Runs REST commands on one ioredis connection. Scripts lose the `allow-key-locking` shebang
 * flag on the way in; since that changes their SHA, the SHA of each original text is mapped to
 * the SHA Redis knows, for EVALSHA and SCRIPT EXISTS, and SCRIPT LOAD answers the original's.
 */
export function createCommandRunner(redis: Redis) {
  const shas = new Map<string, string>();
  const runnable = (script: string) => {
    const rewritten = withoutKeyLockingFlag(script);
    if (rewritten !== script) shas.set(sha1(script), sha1(rewritten));
    return rewritten;
  };
  const known = (sha: string) => shas.get(sha.toLowerCase()) ?? sha;

  /** The command as Redis should get it, and how to turn Redis's reply into the client's. */
  function prepare([name = "", ...args]: Command): { command: Command; reply?: unknown } {
    const upper = name.toUpperCase();
    if (REFUSED.has(upper)) throw new CommandError(`ERR ${upper} is not supported by the bridge`);
    const [first = "", ...rest] = args;
    if (upper === "EVAL" || upper === "EVAL_RO")
      return { command: [name, runnable(first), ...rest] };
    if (upper === "EVALSHA" || upper === "EVALSHA_RO")
      return { command: [name, known(first), ...rest] };
    if (upper === "SCRIPT" && first.toUpperCase() === "LOAD" && rest[0] !== undefined)
      return { command: [name, first, runnable(rest[0])], reply: Buffer.from(sha1(rest[0])) };
    if (upper === "SCRIPT" && first.toUpperCase() === "EXISTS")
      return { command: [name, first, ...rest.map(known)] };
    return { command: [name, ...args] };
  }

  return {
    /** One command; a Redis error is thrown. */
    async single(command: Command): Promise<unknown> {
      const {
        command: [name = "", ...args],
        reply,
      } = prepare(command);
      const result = await redis.callBuffer(name, ...args);
      return reply ?? result;
    },

    /** Several commands in one round trip (`/pipeline`) or atomically (`/multi-exec`). */
    async batch(commands: Command[], atomic: boolean): Promise<Reply[]> {
      const prepared = commands.map((command) => {
        try {
          return prepare(command);
        } catch (error) {
          // In a transaction, one refused command refuses them all (as Redis does).
          if (atomic) throw error;
          return { error: error as Error };
        }
      });
      const batch = atomic ? redis.multi() : redis.pipeline();
      for (const step of prepared)
        if ("command" in step) {
          const [name = "", ...args] = step.command;
          batch.callBuffer(name, ...args);
        }
      const results = (await batch.exec()) ?? [];
      let next = 0;
      return prepared.map((step): Reply => {
        if ("error" in step) return { error: step.error.message };
        const [error, result] = results[next++] ?? [new Error("ERR no reply")];
        return error ? { error: error.message } : { result: step.reply ?? result };
      });
    },
  };
}
