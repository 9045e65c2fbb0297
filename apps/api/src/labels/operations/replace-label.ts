import { writeNamedOperation } from "../../named/operations/write-named";
import { labelResource } from "../label-resource";

// PUT /api/v1/labels/{id} — replace: omitted color → gray
export const replaceLabelOperation = writeNamedOperation(labelResource, "PUT");
