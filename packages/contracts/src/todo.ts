import { z } from "zod";
import { HEADER_MAX, storableText, strictBoolean } from "./text";

export const TITLE_MAX = 255;
export const DESCRIPTION_MAX = 10_000;
/** The longest `cursor` the list accepts; every `nextCursor` the API issues is shorter. */
export const CURSOR_MAX = 512;
const BASE64URL = "^[A-Za-z0-9_-]+$";
/** PostgreSQL's `integer`, the type of `version`. */
const INT32_MAX = 2_147_483_647;

// Trimmed first (JavaScript trim()), then measured.
const title = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
  .trim()
  .pipe(storableText({ min: 1, max: TITLE_MAX }))
  .meta({
    minLength: 1,
    maxLength: TITLE_MAX,
    description: "Trimmed, then 1–255 code points; no U+0000 or unpaired surrogates.",
  });
const description = storableText({ max: DESCRIPTION_MAX })
  .nullable()
  .meta({ description: "Up to 10,000 code points, or null." });
const completed = strictBoolean();

/** A todo as every response carries it. */
export const todoSchema = z
  .object({
    id: z.uuid().meta({ maxLength: 36, description: "UUIDv7, assigned by the server." }),
    userId: z.string().meta({
      minLength: 1,
      maxLength: HEADER_MAX,
      description: "The owner: the `sub` of their token.",
    }),
    title: z.string().meta({ minLength: 1, maxLength: TITLE_MAX }),
    description: z.string().meta({ maxLength: DESCRIPTION_MAX }).nullable(),
    completed: z.boolean(),
    createdAt: z.iso
      .datetime()
      .meta({ maxLength: 24, description: "RFC 3339, UTC, milliseconds." }),
    updatedAt: z.iso.datetime().meta({ maxLength: 24 }),
    version: z.int().min(1).meta({
      format: "int32",
      maximum: INT32_MAX,
      description: "1 at creation, +1 on every change; the ETag is derived from it.",
    }),
  })
  .meta({
    id: "Todo",
    examples: [
      {
        id: "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11",
        userId: "sYw0kR3xq8Yb2mWn5Lp0",
        title: "Buy milk",
        description: null,
        completed: false,
        createdAt: "2026-11-23T10:00:00.000Z",
        updatedAt: "2026-11-23T10:00:00.000Z",
        version: 1,
      },
    ],
  });
export type Todo = z.infer<typeof todoSchema>;

/**
 * The body of POST /todos and PUT /todos/{id}: a whole todo, where an omitted description is
 * null and an omitted `completed` is false. Unknown fields are refused, so `id`, `userId`,
 * `createdAt` or `version` can never be assigned by a client.
 */
export const todoInputSchema = z
  .strictObject({
    title,
    description: description.default(null),
    completed: completed.default(false),
  })
  .meta({ id: "TodoInput", examples: [{ title: "Buy milk", description: "2 litres" }] });
export type TodoInput = z.infer<typeof todoInputSchema>;
export type TodoInputBody = z.input<typeof todoInputSchema>;

/** The body of PATCH /todos/{id}: any non-empty subset of the fields (JSON Merge Patch). */
export const todoPatchSchema = z
  .strictObject({
    title: title.optional(),
    description: description.optional(),
    completed: completed.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, {
    message: "must change at least one of title, description, completed",
  })
  .meta({ id: "TodoPatch", minProperties: 1, examples: [{ completed: true }] });
export type TodoPatch = z.infer<typeof todoPatchSchema>;

export const TODO_SORTS = ["-createdAt", "createdAt", "-updatedAt", "updatedAt"] as const;
export type TodoSort = (typeof TODO_SORTS)[number];

export const LIST_LIMIT_MAX = 100;
export const LIST_LIMIT_DEFAULT = 20;

/**
 * GET /todos query parameters, as strings from the URL. Unknown parameters are refused, so a
 * typo never silently returns an unfiltered list.
 */
export const todoListQuerySchema = z.strictObject({
  limit: z
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
    }),
  cursor: z
    .string()
    .min(1, "must not be empty")
    .max(CURSOR_MAX, "is not a valid cursor")
    .optional()
    .meta({
      pattern: BASE64URL,
      description: "The `nextCursor` of the previous page, for the same sort and filters.",
    }),
  completed: z
    .enum(["true", "false"], { error: "must be true or false" })
    .transform((value) => value === "true")
    .optional()
    .meta({ description: "Only completed (true) or only open (false) todos." }),
  q: storableText({ min: 1, max: 100 })
    .optional()
    .meta({ description: "Case-insensitive substring of the title; % _ and \\ match themselves." }),
  sort: z
    .enum(TODO_SORTS, { error: `must be one of ${TODO_SORTS.join(", ")}` })
    .optional()
    .meta({ default: "-createdAt" }),
});
export type TodoListQuery = z.output<typeof todoListQuerySchema>;
/** What a client passes (the web app's typed client builds the URL from this). */
export type TodoListParams = {
  limit?: number;
  cursor?: string;
  completed?: boolean;
  q?: string;
  sort?: TodoSort;
};

/** GET /todos. */
export const todoListSchema = z
  .object({
    data: z.array(todoSchema).meta({ maxItems: LIST_LIMIT_MAX }),
    nextCursor: z
      .string()
      .meta({ maxLength: CURSOR_MAX, pattern: BASE64URL })
      .nullable()
      .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "TodoList" });
export type TodoList = z.infer<typeof todoListSchema>;
