import { z } from "zod";
import { HEADER_MAX } from "./text";

/** PostgreSQL's `integer`, the type of `version`. */
const INT32_MAX = 2_147_483_647;

const timestamp = () => z.iso.datetime().meta({ maxLength: 24 });

/**
 * The fields every resource a user owns carries (todos, projects, labels), in the order the
 * resource's schema lists them: `head` first, then the resource's own fields, then `tail`.
 */
export const ownedFields = {
  head: {
    id: z.uuid().meta({ maxLength: 36, description: "UUIDv7, assigned by the server." }),
    userId: z.string().meta({
      minLength: 1,
      maxLength: HEADER_MAX,
      description: "The owner: the `sub` of their token.",
    }),
  },
  tail: {
    createdAt: timestamp().meta({ description: "RFC 3339, UTC, milliseconds." }),
    updatedAt: timestamp(),
    version: z.int().min(1).meta({
      format: "int32",
      maximum: INT32_MAX,
      description: "1 at creation, +1 on every change; the ETag is derived from it.",
    }),
  },
};

/**
 * A PATCH body: any non-empty subset of `fields` (JSON Merge Patch), unknown fields refused.
 * `fields` are the input's field schemas; each becomes optional.
 */
export function patchSchema<Shape extends z.ZodRawShape>(fields: Shape, id: string) {
  return z
    .strictObject(fields)
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, {
      message: `must change at least one of ${Object.keys(fields).join(", ")}`,
    })
    .meta({ id, minProperties: 1 });
}
