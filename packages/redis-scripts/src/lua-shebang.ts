// Shared by the API's Redis adapter and the Upstash REST bridge (tooling/upstash-bridge).
import { createHash } from "node:crypto";

/**
 * @upstash/ratelimit's Lua scripts start with `#!lua flags=allow-key-locking`, a flag Upstash's
 * servers understand and stock Redis 7.0 refuses ("Unexpected flag in script shebang"). This
 * drops that one flag and keeps the line (and any other flag), so line numbers in Redis's error
 * messages still match the library's source.
 */
export function withoutKeyLockingFlag(script: string): string {
  return script.replace(/^#!lua[^\n]*/, (shebang) => {
    const flags = /\bflags=(\S*)/.exec(shebang)?.[1]?.split(",") ?? [];
    const kept = flags.filter((flag) => flag && flag !== "allow-key-locking");
    return kept.length ? `#!lua flags=${kept.join(",")}` : "#!lua";
  });
}

export const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
