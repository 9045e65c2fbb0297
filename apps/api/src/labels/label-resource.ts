import {
  labelInputSchema,
  labelListSchema,
  labelPatchSchema,
  labelSchema,
} from "@repo/contracts/label";
import { type LabelRow, labels } from "@repo/db/schema";
import type { NamedResource } from "../named/named-resource";
import { LABEL_CAP } from "../resources/live-caps";
import { toLabel } from "./serialize";

/** Labels, for the operations they share with projects. */
export const labelResource: NamedResource<LabelRow> = {
  noun: "label",
  plural: "labels",
  title: "Label",
  table: labels,
  cap: LABEL_CAP,
  schemas: {
    item: labelSchema,
    input: labelInputSchema,
    patch: labelPatchSchema,
    list: labelListSchema,
  },
  toJson: toLabel,
};
