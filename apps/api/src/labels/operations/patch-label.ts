import { writeNamedOperation } from "../../named/operations/write-named";
import { labelResource } from "../label-resource";

// PATCH /api/v1/labels/{id} — change only the fields sent (JSON Merge Patch)
export const patchLabelOperation = writeNamedOperation(labelResource, "PATCH");
