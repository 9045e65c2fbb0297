import type { Database } from "@repo/db/client";
import { todos } from "@repo/db/schema";
import type { ApiError } from "../http/problem";
import { missingError } from "../resources/errors";

/** The error for a todo the caller could not read or write (see `missingError`). */
export const missingTodoError = (
  db: Database,
  userId: string,
  id: string,
  options: { write: boolean },
): Promise<ApiError> => missingError(db, { table: todos, noun: "todo" }, userId, id, options);
