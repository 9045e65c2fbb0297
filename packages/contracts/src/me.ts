import { z } from "zod";

/** GET /me: who the verified token says the caller is. `email` and `name` are null when the token has none. */
export const meSchema = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    name: z.string().nullable(),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof meSchema>;
