import { todoCounts } from "@repo/db/schema";
import { type Placeholder, type SQL, sql } from "drizzle-orm";

/**
 * One more live todo for the owner, if the owner has fewer than `limit`: the owner's count goes
 * up by one and the statement returns a row (`one`); at the limit, nothing changes and it
 * returns none. ON CONFLICT DO UPDATE locks the owner's count row and checks the limit on its
 * latest version, so concurrent statements of one owner are counted one after another (until
 * their transactions end) and can never pass the limit together. The constant 1 goes as a
 * parameter too: a query span records the SQL text only when it holds no literal (tracing.ts).
 */
export const liveTodoSlot = (
  userId: string | Placeholder,
  limit: number | Placeholder,
): SQL => sql`insert into ${todoCounts} ("user_id", "live") values (${userId}, ${1})
  on conflict ("user_id") do update set "live" = ${todoCounts.live} + ${1}
  where ${todoCounts.live} < ${limit}
  returning "user_id"`;
