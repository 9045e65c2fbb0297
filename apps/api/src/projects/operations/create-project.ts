import { createNamedOperation } from "../../named/operations/create-named";
import { projectResource } from "../project-resource";

// POST /api/v1/projects — create a project; Idempotency-Key honoured; 409 name-taken
export const createProjectOperation = createNamedOperation(projectResource);
