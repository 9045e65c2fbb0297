import { z } from "zod";
import {
  booleanParam,
  cursorParam,
  LIST_LIMIT_DEFAULT,
  LIST_LIMIT_MAX,
  limitParam,
  pageSchema,
  sortParam,
} from "./list";
import { ownedFields } from "./resource";
import { storableText, strictBoolean, trimmedText } from "./text";

export { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX };

export const TITLE_MAX = 255;
export const DESCRIPTION_MAX = 10_000;
/** The longest `cursor` the list accepts; every `nextCursor` the API issues is shorter. */
export const CURSOR_MAX = 512;

const title = trimmedText(
  TITLE_MAX,
  "Trimmed, then 1–255 code points; no U+0000 or unpaired surrogates.",
);
const description = storableText({ max: DESCRIPTION_MAX })
  .nullable()
  .meta({ description: "Up to 10,000 code points, or null." });
const completed = strictBoolean();

/** A todo as every response carries it. */
export const todoSchema = z
  .object({
    ...ownedFields.head,
    title: z.string().meta({ minLength: 1, maxLength: TITLE_MAX }),
    description: z.string().meta({ maxLength: DESCRIPTION_MAX }).nullable(),
    completed: z.boolean(),
    ...ownedFields.tail,
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

/**
 * GET /todos query parameters, as strings from the URL. Unknown parameters are refused, so a
 * typo never silently returns an unfiltered list.
 */
export const todoListQuerySchema = z.strictObject({
  limit: limitParam,
  cursor: cursorParam(CURSOR_MAX),
  completed: booleanParam("Only completed (true) or only open (false) todos."),
  q: storableText({ min: 1, max: 100 })
    .optional()
    .meta({ description: "Case-insensitive substring of the title; % _ and \\ match themselves." }),
  sort: sortParam(TODO_SORTS),
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
export const todoListSchema = pageSchema(todoSchema, { id: "TodoList", cursorMax: CURSOR_MAX });
export type TodoList = z.infer<typeof todoListSchema>;
