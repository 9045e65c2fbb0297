import { describeError, type Logger } from "@repo/logger";
import type { BetterAuthOptions } from "better-auth";

type BetterAuthLogger = NonNullable<BetterAuthOptions["logger"]>;
type BetterAuthLevel = NonNullable<BetterAuthLogger["level"]>;

const EMAIL = /[^\s@"'<>()[\]{},;:]+@[^\s@"'<>()[\]{},;:]+\.[A-Za-z]{2,}/g;
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g;
// Query strings and fragments of URLs (callback URLs may carry tokens).
const URL_QUERY = /(\bhttps?:\/\/[^\s?#"']*)[?#][^\s"']*/g;
const SECRET_KEY = /pass|secret|token|cookie|authori[sz]ation|key|hash|otp|code/i;

/**
 * Text Better Auth writes into its messages, without what must not reach a log: a drizzle
 * error's bound parameters (session tokens, password hashes; Better Auth logs some database
 * errors as bare `error.message`), email addresses ("Sign-up attempt for existing email: …"),
 * JWTs, and URLs' query strings.
 */
export function redactText(text: string): string {
  return text
    .replace(/\nparams:[\s\S]*$/, "\nparams: [redacted]")
    .replace(EMAIL, "[email]")
    .replace(JWT, "[jwt]")
    .replace(URL_QUERY, "$1?[redacted]");
}

// Better Auth's extra arguments: errors, status strings, small objects ({ provider }).
function summarise(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Error) {
    const summary = describeError(value);
    return { ...summary, message: redactText(summary.message) };
  }
  if (typeof value !== "object" || depth >= 3) return `[${typeof value}]`;
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => summarise(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, 20)
      .map(([key, item]) => [
        key,
        SECRET_KEY.test(key) ? "[redacted]" : summarise(item, depth + 1),
      ]),
  );
}

/**
 * Better Auth's `logger` option writing into the app's pino logger: one JSON line per message,
 * with `source: "better-auth"`, at pino's level. Better Auth's own level is only a pre-filter:
 * "debug" when pino logs debug, else "info" (Better Auth then also skips its second, plain-text
 * copy of API errors, which it prints to the console at "error", "warn" and "debug").
 */
export function betterAuthLogger(logger: Logger): BetterAuthLogger {
  const preFilter: BetterAuthLevel = logger.isLevelEnabled("debug") ? "debug" : "info";
  return {
    disabled: logger.level === "silent",
    level: preFilter,
    log(level, message, ...args) {
      const fields = args.length ? { args: args.map((arg) => summarise(arg)) } : {};
      logger[level]({ source: "better-auth", ...fields }, redactText(String(message)));
    },
  };
}
