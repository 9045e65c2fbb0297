// Classifies errors thrown by either driver, so the API can answer 503 for an unreachable
// database without knowing which driver is in use. Drizzle wraps driver errors (`cause`).

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "EPIPE",
]);

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown,
// crash, cannot connect now), 53300 (too many connections), and 57014 (query_canceled: what
// statement_timeout raises; a database too slow to answer in time is unavailable for now).
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-4]|57014|53300)$/;

// "Query read timeout" is node-postgres's client-side query_timeout.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|WebSocket|Client has encountered a connection error|Cannot use a pool after calling end/i;

function* causes(error: unknown): Generator<unknown> {
  let current = error;
  for (let depth = 0; current && depth < 8; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

/** True when the database could not be reached or went away: the request may succeed later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causes(error)) {
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)))
      return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
  }
  return false;
}

/** The SQLSTATE of a database error, wherever it sits in the cause chain. */
export function sqlState(error: unknown): string | undefined {
  for (const e of causes(error)) {
    const { code } = e as { code?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

// Class 22 codes a request's own values cause when PostgreSQL refuses them as dates or times:
// invalid_datetime_format, datetime_field_overflow (month 13), invalid_time_zone_displacement_value.
const INVALID_DATETIME = new Set(["22007", "22008", "22009"]);

/**
 * True when PostgreSQL refused a date or time value the query carried: the request's input was
 * bad (a 422), not the server (every value is validated first; this is the net under it).
 */
export function isInvalidDatetime(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && INVALID_DATETIME.has(state);
}
