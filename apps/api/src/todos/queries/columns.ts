import { todos } from "@repo/db/schema";
import { and, eq, isNull, type Placeholder } from "drizzle-orm";

/** The caller's live (not soft-deleted) todo with this id: the filter every item query starts from. */
export const ownLiveTodo = (userId: string | Placeholder, id: string | Placeholder) =>
  and(eq(todos.id, id), eq(todos.userId, userId), isNull(todos.deletedAt));
