import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{id}` of /<resources>/{id}: a value that cannot be an id is a 404, never a database error. */
export const idParams = (noun: string) =>
  z.object({
    id: z
      .string()
      .regex(UUID, `No such ${noun}.`)
      .transform((id) => id.toLowerCase())
      .meta({ format: "uuid", maxLength: 36, description: `The ${noun}'s id.` }),
  });
