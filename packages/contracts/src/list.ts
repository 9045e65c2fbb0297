import { z } from "zod";

export const LIST_LIMIT_MAX = 100;
export const LIST_LIMIT_DEFAULT = 20;
const BASE64URL = "^[A-Za-z0-9_-]+$";

/**
 * The longest cursor of a list sorted by a text of at most `maxCodePoints`: the page's last
 * value in JSON (at most 6 bytes a code point: a control character is written `\u0001`, and
 * no other code point takes more than 4 bytes), the id, the checksum and the JSON around them
 * (78 bytes), in base64url.
 */
export const textCursorMax = (maxCodePoints: number) =>
  Math.ceil(((6 * maxCodePoints + 78) * 4) / 3);

/** `limit`: a page size from 1 to 100, as the URL writes it. */
export const limitParam = z
  .string()
  .regex(/^\d+$/, "must be a whole number from 1 to 100")
  .transform(Number)
  .pipe(z.int().min(1, "must be at least 1").max(LIST_LIMIT_MAX, "must be at most 100"))
  .optional()
  .meta({
    type: "integer",
    format: "int32",
    minimum: 1,
    maximum: LIST_LIMIT_MAX,
    default: LIST_LIMIT_DEFAULT,
    description: "Page size.",
  });

/** `cursor`: the previous page's `nextCursor`; a longer value than any issued is refused. */
export const cursorParam = (max: number) =>
  z.string().min(1, "must not be empty").max(max, "is not a valid cursor").optional().meta({
    pattern: BASE64URL,
    description: "The `nextCursor` of the previous page, for the same sort and filters.",
  });

/** A `true`/`false` query parameter. */
export const booleanParam = (description: string) =>
  z
    .enum(["true", "false"], { error: "must be true or false" })
    .transform((value) => value === "true")
    .optional()
    .meta({ description });

/** `sort`: one of `sorts`, `sorts[0]` when omitted. */
export const sortParam = <const Sorts extends readonly [string, ...string[]]>(sorts: Sorts) =>
  z
    .enum(sorts, { error: `must be one of ${sorts.join(", ")}` })
    .optional()
    .meta({ default: sorts[0] });

/** A page of a list: `data` and the cursor of the next page. */
export const pageSchema = <Item extends z.ZodType>(
  item: Item,
  { id, cursorMax }: { id: string; cursorMax: number },
) =>
  z
    .object({
      data: z.array(item).meta({ maxItems: LIST_LIMIT_MAX }),
      nextCursor: z
        .string()
        .meta({ maxLength: cursorMax, pattern: BASE64URL })
        .nullable()
        .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    })
    .meta({ id });

/** The sorts of a list of named things (projects, labels): by name ignoring case (the default), or by creation. */
export const NAMED_SORTS = ["name", "createdAt", "-createdAt"] as const;
export type NamedSort = (typeof NAMED_SORTS)[number];
/** What a client passes to a list of named things (the web app's typed client builds the URL from it). */
export type NamedListParams = { limit?: number; cursor?: string; sort?: NamedSort };

/**
 * The query of a list of named things: `limit`, `cursor` (up to `cursorMax`), the list's own
 * `filters`, and `sort`. Unknown parameters are refused, so a typo never silently returns an
 * unfiltered list.
 */
export const namedListQuery = <Filters extends z.ZodRawShape>(
  cursorMax: number,
  filters: Filters,
) =>
  z.strictObject({
    limit: limitParam,
    cursor: cursorParam(cursorMax),
    ...filters,
    sort: sortParam(NAMED_SORTS),
  });
