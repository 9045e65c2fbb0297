import { z } from "zod";
import {
  booleanParam,
  type NamedListParams,
  namedListQuery,
  pageSchema,
  textCursorMax,
} from "./list";
import { colorOrGray, colorSchema } from "./palette";
import { ownedFields, patchSchema } from "./resource";
import { strictBoolean, trimmedText } from "./text";

export const PROJECT_NAME_MAX = 100;
/** The longest `cursor` of GET /projects: a page sorted by name can end on a 100-code-point name. */
export const PROJECT_CURSOR_MAX = textCursorMax(PROJECT_NAME_MAX);

const name = trimmedText(
  PROJECT_NAME_MAX,
  "Trimmed, then 1–100 code points; unique among your live projects, ignoring case.",
);
const archived = strictBoolean();

/** A project as every response carries it. */
export const projectSchema = z
  .object({
    ...ownedFields.head,
    name: z.string().meta({ minLength: 1, maxLength: PROJECT_NAME_MAX }),
    color: colorSchema,
    archived: z.boolean(),
    ...ownedFields.tail,
  })
  .meta({
    id: "Project",
    examples: [
      {
        id: "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a22",
        userId: "sYw0kR3xq8Yb2mWn5Lp0",
        name: "Home",
        color: "green",
        archived: false,
        createdAt: "2026-11-23T10:00:00.000Z",
        updatedAt: "2026-11-23T10:00:00.000Z",
        version: 1,
      },
    ],
  });
export type Project = z.infer<typeof projectSchema>;

const inputFields = { name, color: colorSchema, archived };

/** The body of POST /projects and PUT /projects/{id}: omitted `color` is gray, omitted `archived` false. */
export const projectInputSchema = z
  .strictObject({ name, color: colorOrGray, archived: archived.default(false) })
  .meta({ id: "ProjectInput", examples: [{ name: "Home", color: "green" }] });
export type ProjectInput = z.infer<typeof projectInputSchema>;
export type ProjectInputBody = z.input<typeof projectInputSchema>;

/** The body of PATCH /projects/{id}: any non-empty subset of the fields (JSON Merge Patch). */
export const projectPatchSchema = patchSchema(inputFields, "ProjectPatch");
export type ProjectPatch = z.infer<typeof projectPatchSchema>;
export type ProjectPatchBody = z.input<typeof projectPatchSchema>;

/** GET /projects query parameters. */
export const projectListQuerySchema = namedListQuery(PROJECT_CURSOR_MAX, {
  archived: booleanParam("Only archived (true) or only active (false) projects."),
});
export type ProjectListQuery = z.output<typeof projectListQuerySchema>;
/** What a client passes. */
export type ProjectListParams = NamedListParams & { archived?: boolean };

/** GET /projects. */
export const projectListSchema = pageSchema(projectSchema, {
  id: "ProjectList",
  cursorMax: PROJECT_CURSOR_MAX,
});
export type ProjectList = z.infer<typeof projectListSchema>;
