import { createNamedOperation } from "../../named/operations/create-named";
import { labelResource } from "../label-resource";

// POST /api/v1/labels — create a label; Idempotency-Key honoured; 409 name-taken
export const createLabelOperation = createNamedOperation(labelResource);
