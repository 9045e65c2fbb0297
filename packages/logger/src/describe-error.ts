export interface ErrorSummary {
  name: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: ErrorSummary;
}

// Drizzle's query errors end their message (so their stack's first lines) with the bound
// parameters: client input (titles, descriptions), and in Better Auth's queries session tokens
// and password hashes. The log gets the SQL text and the driver's error, never the values. The
// values may hold newlines, so everything from `params:` on goes.
const withoutParams = (text: string) => text.replace(/\nparams:[\s\S]*$/, "");

// PostgreSQL's data exceptions (SQLSTATE class 22) quote the value they refused, a bound
// parameter as the client sent it (`invalid input syntax for type uuid: "…"`). From the first
// quote to the last goes, newlines and quotes inside the value included.
const withoutQuotedValue = (text: string, code: unknown) =>
  typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)
    ? text.replace(/"[\s\S]*"/, '"…"')
    : text;

// V8's frames ("    at f (file:1:2)") after the message, which is left out: a line of the
// message (a parameter "…\nat home") must not pass for a frame.
function stackFrames(error: Error): string[] {
  const stack = error.stack ?? "";
  const at = error.message === "" ? -1 : stack.indexOf(error.message);
  const after = at === -1 ? stack : stack.slice(at + error.message.length);
  return after.split("\n").filter((line) => /^\s+at /.test(line));
}

/**
 * What the server log keeps of an unexpected error: names, messages, SQLSTATE codes and stack
 * frames along the cause chain. Never bound parameters, nor PostgreSQL's `detail` (which
 * quotes row values), nor the value a data exception quotes in its message. Log errors through
 * this, never as pino's `err`: its serializer writes every property (a drizzle error's `params`).
 */
export function describeError(error: unknown, depth = 0): ErrorSummary {
  if (!(error instanceof Error)) return { name: typeof error, message: String(error) };
  const { code } = error as { code?: unknown };
  const frames = stackFrames(error);
  return {
    name: error.name,
    message: withoutQuotedValue(withoutParams(error.message), code),
    ...(typeof code === "string" ? { code } : {}),
    ...(frames.length ? { stack: frames.slice(0, 12).join("\n") } : {}),
    ...(error.cause !== undefined && depth < 4
      ? { cause: describeError(error.cause, depth + 1) }
      : {}),
  };
}
