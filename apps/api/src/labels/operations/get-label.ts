import { getNamedOperation } from "../../named/operations/get-named";
import { labelResource } from "../label-resource";

// GET /api/v1/labels/{id} — one of the caller's labels; If-None-Match → 304
export const getLabelOperation = getNamedOperation(labelResource);
