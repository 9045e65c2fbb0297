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

/** The four priority levels, lowest first; stored as 1–4 in this order. */
export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_DEFAULT: Priority = "normal";
/** The most labels one todo carries (and the most `labelId` filters one list takes). */
export const LABELS_PER_TODO_MAX = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id of one of the caller's projects or labels, lower-cased. Any UUID-shaped value passes:
 * whether it names something of the caller's is the API's answer (422 "does not exist").
 */
const reference = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a UUID") })
  .regex(UUID, "must be a UUID")
  .transform((id) => id.toLowerCase())
  .meta({ format: "uuid", maxLength: 36 });

// Parsed, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
const EARLIEST = Date.parse("0001-01-01T00:00:00.000Z");
const LATEST = Date.parse("9999-12-31T23:59:59.999Z");

/**
 * An RFC 3339 date-time with any offset (a day the month does not have, February 30, is
 * refused), as the instant it names, in milliseconds: finer digits are dropped, as PostgreSQL's
 * timestamp(3) would. The instant must fall within the years 1–9999 UTC.
 */
export const instantInput = (what: string) =>
  z.iso
    .datetime({
      offset: true,
      error: (issue) => (issue.input === undefined ? "is required" : `must be ${what}`),
    })
    .transform((value) => new Date(value))
    .refine((date) => date.getTime() >= EARLIEST && date.getTime() <= LATEST, {
      message: "must be within the years 1 to 9999",
    })
    .meta({ format: "date-time", maxLength: 40 });

const RFC3339 = "an RFC 3339 date-time, e.g. 2026-12-01T17:00:00Z";
const dueAt = instantInput(RFC3339)
  .nullable()
  .meta({ description: "When it is due: RFC 3339 with any offset, answered in UTC; or null." });
const priority = z
  .enum(PRIORITIES, { error: `must be one of ${PRIORITIES.join(", ")}` })
  .meta({ description: "low, normal, high or urgent." });
const projectId = reference
  .nullable()
  .meta({ description: "One of your live projects, or null for none." });
// A piped check runs only on an array: zod would measure a string's length against the cap too.
const labelIds = z
  .array(reference, { error: "must be an array of label ids" })
  .pipe(
    z
      .array(z.string())
      .max(LABELS_PER_TODO_MAX, `must hold at most ${LABELS_PER_TODO_MAX} labels`)
      .refine((ids) => new Set(ids).size === ids.length, { message: "must not repeat a label" }),
  )
  .transform((ids) => [...ids].sort())
  .meta({
    maxItems: LABELS_PER_TODO_MAX,
    uniqueItems: true,
    description: "Your labels' ids, at most 20, no repeats; the todo's whole set of labels.",
  });

/** A todo as every response carries it. */
export const todoSchema = z
  .object({
    ...ownedFields.head,
    title: z.string().meta({ minLength: 1, maxLength: TITLE_MAX }),
    description: z.string().meta({ maxLength: DESCRIPTION_MAX }).nullable(),
    completed: z.boolean(),
    completedAt: z.iso.datetime().meta({ maxLength: 24 }).nullable().meta({
      description:
        "Set by the server when `completed` becomes true, kept while it stays true, null while false.",
    }),
    dueAt: z.iso
      .datetime()
      .meta({ maxLength: 24 })
      .nullable()
      .meta({ description: "UTC, or null." }),
    priority: z.enum(PRIORITIES),
    projectId: z.uuid().meta({ maxLength: 36 }).nullable(),
    labelIds: z
      .array(z.uuid().meta({ maxLength: 36 }))
      .meta({ maxItems: LABELS_PER_TODO_MAX, description: "Sorted ascending." }),
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
        completedAt: null,
        dueAt: "2026-11-24T17:00:00.000Z",
        priority: "high",
        projectId: "0193b6d0-1c2b-7d3e-8f4a-5b6c7d8e9f00",
        labelIds: ["0193b6d1-2a3b-7c4d-9e5f-6a7b8c9d0e1f"],
        createdAt: "2026-11-23T10:00:00.000Z",
        updatedAt: "2026-11-23T10:00:00.000Z",
        version: 1,
      },
    ],
  });
export type Todo = z.infer<typeof todoSchema>;

/**
 * The body of POST /todos and PUT /todos/{id}: a whole todo, where an omitted description,
 * dueAt or projectId is null, `completed` false, `priority` "normal" and `labelIds` empty.
 * Unknown fields are refused, so `id`, `userId`, `completedAt`, `createdAt` or `version` can
 * never be assigned by a client.
 */
export const todoInputSchema = z
  .strictObject({
    title,
    description: description.default(null),
    completed: completed.default(false),
    dueAt: dueAt.default(null),
    priority: priority.default(PRIORITY_DEFAULT),
    projectId: projectId.default(null),
    labelIds: labelIds.default([]),
  })
  .meta({ id: "TodoInput", examples: [{ title: "Buy milk", description: "2 litres" }] });
export type TodoInput = z.infer<typeof todoInputSchema>;
export type TodoInputBody = z.input<typeof todoInputSchema>;

/**
 * The body of PATCH /todos/{id}: any non-empty subset of the fields (JSON Merge Patch);
 * `labelIds` replaces the whole set.
 */
export const todoPatchSchema = z
  .strictObject({
    title: title.optional(),
    description: description.optional(),
    completed: completed.optional(),
    dueAt: dueAt.optional(),
    priority: priority.optional(),
    projectId: projectId.optional(),
    labelIds: labelIds.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, {
    message:
      "must change at least one of title, description, completed, dueAt, priority, projectId, labelIds",
  })
  .meta({ id: "TodoPatch", minProperties: 1, examples: [{ completed: true }] });
export type TodoPatch = z.infer<typeof todoPatchSchema>;

export const TODO_SORTS = [
  "-createdAt",
  "createdAt",
  "-updatedAt",
  "updatedAt",
  "dueAt",
  "priority",
  "-priority",
] as const;
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
  projectId: z
    .union([z.literal("none"), reference], { error: "must be a project id or none" })
    .optional()
    .meta({
      // Stated for the linters: an id parameter must say it is a string, and how long.
      type: "string",
      maxLength: 36,
      description:
        "Only the todos of this project, or (`none`) those in no project. Another user's or an unknown project: an empty list.",
    }),
  labelId: z
    .array(reference)
    .min(1)
    .max(LABELS_PER_TODO_MAX, `must be given at most ${LABELS_PER_TODO_MAX} times`)
    .transform((ids) => [...new Set(ids)].sort())
    .optional()
    .meta({
      description:
        "Repeatable (`labelId=…&labelId=…`, at most 20): only the todos carrying all of these labels.",
    }),
  dueAfter: instantInput(RFC3339)
    .optional()
    .meta({ description: "Only todos due at or after this instant (RFC 3339)." }),
  dueBefore: instantInput(RFC3339)
    .optional()
    .meta({ description: "Only todos due before this instant (RFC 3339)." }),
  overdue: booleanParam("true: only open todos whose dueAt has passed; false: every other todo."),
  priority: priority.optional().meta({ description: "Only todos of this priority." }),
  sort: sortParam(TODO_SORTS).meta({
    default: "-createdAt",
    description:
      "`dueAt`: soonest first, undated last; `priority`/`-priority`: lowest/highest first. Ties by id.",
  }),
});
export type TodoListQuery = z.output<typeof todoListQuerySchema>;
/** What a client passes (the web app's typed client builds the URL from this). */
export type TodoListParams = {
  limit?: number;
  cursor?: string;
  completed?: boolean;
  q?: string;
  /** A project's id, or "none" for the todos in no project. */
  projectId?: string;
  /** Todos carrying all of these labels (sent as a repeated `labelId`). */
  labelId?: string[];
  /** RFC 3339. */
  dueAfter?: string;
  /** RFC 3339. */
  dueBefore?: string;
  overdue?: boolean;
  priority?: Priority;
  sort?: TodoSort;
};

/** GET /todos. */
export const todoListSchema = pageSchema(todoSchema, { id: "TodoList", cursorMax: CURSOR_MAX });
export type TodoList = z.infer<typeof todoListSchema>;
