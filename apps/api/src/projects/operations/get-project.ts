import { getNamedOperation } from "../../named/operations/get-named";
import { projectResource } from "../project-resource";

// GET /api/v1/projects/{id} — one of the caller's live projects; If-None-Match → 304
export const getProjectOperation = getNamedOperation(projectResource);
