import { z } from "zod";
import { type NamedListParams, namedListQuery, pageSchema, textCursorMax } from "./list";
import { colorOrGray, colorSchema } from "./palette";
import { ownedFields, patchSchema } from "./resource";
import { trimmedText } from "./text";

export const LABEL_NAME_MAX = 50;
/** The longest `cursor` of GET /labels: a page sorted by name can end on a 50-code-point name. */
export const LABEL_CURSOR_MAX = textCursorMax(LABEL_NAME_MAX);

const name = trimmedText(
  LABEL_NAME_MAX,
  "Trimmed, then 1–50 code points; unique among your labels, ignoring case.",
);

/** A label as every response carries it. */
export const labelSchema = z
  .object({
    ...ownedFields.head,
    name: z.string().meta({ minLength: 1, maxLength: LABEL_NAME_MAX }),
    color: colorSchema,
    ...ownedFields.tail,
  })
  .meta({
    id: "Label",
    examples: [
      {
        id: "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a33",
        userId: "sYw0kR3xq8Yb2mWn5Lp0",
        name: "errand",
        color: "orange",
        createdAt: "2026-11-23T10:00:00.000Z",
        updatedAt: "2026-11-23T10:00:00.000Z",
        version: 1,
      },
    ],
  });
export type Label = z.infer<typeof labelSchema>;

/** The body of POST /labels and PUT /labels/{id}: omitted `color` is gray. */
export const labelInputSchema = z
  .strictObject({ name, color: colorOrGray })
  .meta({ id: "LabelInput", examples: [{ name: "errand", color: "orange" }] });
export type LabelInput = z.infer<typeof labelInputSchema>;
export type LabelInputBody = z.input<typeof labelInputSchema>;

/** The body of PATCH /labels/{id}: `name`, `color` or both (JSON Merge Patch). */
export const labelPatchSchema = patchSchema({ name, color: colorSchema }, "LabelPatch");
export type LabelPatch = z.infer<typeof labelPatchSchema>;
export type LabelPatchBody = z.input<typeof labelPatchSchema>;

/** GET /labels query parameters. */
export const labelListQuerySchema = namedListQuery(LABEL_CURSOR_MAX, {});
export type LabelListQuery = z.output<typeof labelListQuerySchema>;
/** What a client passes. */
export type LabelListParams = NamedListParams;

/** GET /labels. */
export const labelListSchema = pageSchema(labelSchema, {
  id: "LabelList",
  cursorMax: LABEL_CURSOR_MAX,
});
export type LabelList = z.infer<typeof labelListSchema>;
