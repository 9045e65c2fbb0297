import { timestamp } from "drizzle-orm/pg-core";

// Milliseconds, not PostgreSQL's default microseconds: a JavaScript Date (and the API's
// RFC 3339 timestamps) carry milliseconds, so every stored value round-trips exactly and a
// keyset cursor built from one can never skip a row that shares the millisecond.
export const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
