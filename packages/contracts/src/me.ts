import { z } from "zod";
import { HEADER_MAX } from "./text";

// From the verified token's claims, which arrive in a request header: bounded by its size only.
const claim = () => z.string().meta({ maxLength: HEADER_MAX });

/** GET /me: who the verified token says the caller is. `email` and `name` are null when the token has none. */
export const meSchema = z
  .object({
    id: claim().meta({ minLength: 1, description: "The token's `sub`." }),
    email: claim().nullable(),
    name: claim().nullable(),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof meSchema>;
