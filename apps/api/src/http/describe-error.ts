interface ErrorSummary {
  name: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: ErrorSummary;
}

// Drizzle's query errors append the bound parameters (client input: titles, descriptions) to
// their message and stack. The log gets the SQL text and the driver's error, never the values.
const withoutParams = (text: string) => text.replace(/\nparams:[^\n]*/g, "");

/**
 * What the server log keeps of an unexpected error: names, messages, SQLSTATE codes and stack
 * frames along the cause chain. Never bound parameters, nor PostgreSQL's `detail` (which
 * quotes row values).
 */
export function describeError(error: unknown, depth = 0): ErrorSummary {
  if (!(error instanceof Error)) return { name: typeof error, message: String(error) };
  const { code } = error as { code?: unknown };
  const frames = error.stack?.split("\n").filter((line) => line.trimStart().startsWith("at "));
  return {
    name: error.name,
    message: withoutParams(error.message),
    ...(typeof code === "string" ? { code } : {}),
    ...(frames?.length ? { stack: frames.slice(0, 12).join("\n") } : {}),
    ...(error.cause !== undefined && depth < 4
      ? { cause: describeError(error.cause, depth + 1) }
      : {}),
  };
}
