import { idParams } from "../resources/resource-id";

/** `{id}` of /todos/{id}: a value that cannot be a todo's id is a 404, never a database error. */
export const todoIdParams = idParams("todo");
