import { createHash } from "node:crypto";

// The same rewrite as apps/api/src/rate-limit/lua-shebang.ts (a dev tool is no dependency of
// the API, and the API's runtime should not depend on tooling).

/**
 * Drops `allow-key-locking` from a `#!lua flags=…` shebang: Upstash accepts it, stock Redis 7.0
 * refuses the script ("Unexpected flag in script shebang"). The line stays, so line numbers in
 * error messages still match.
 */
export function withoutKeyLockingFlag(script: string): string {
  return script.replace(/^#!lua[^\n]*/, (shebang) => {
    const flags = /\bflags=(\S*)/.exec(shebang)?.[1]?.split(",") ?? [];
    const kept = flags.filter((flag) => flag && flag !== "allow-key-locking");
    return kept.length ? `#!lua flags=${kept.join(",")}` : "#!lua";
  });
}

export const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
