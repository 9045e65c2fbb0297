import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{id}` of /todos/{id}: a value that cannot be a todo's id is a 404, never a database error. */
export const todoIdParams = z.object({
  id: z
    .string()
    .regex(UUID, "No such todo.")
    .transform((id) => id.toLowerCase())
    .meta({ format: "uuid", maxLength: 36, description: "The todo's id." }),
});
