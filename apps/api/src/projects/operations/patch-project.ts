import { writeNamedOperation } from "../../named/operations/write-named";
import { projectResource } from "../project-resource";

// PATCH /api/v1/projects/{id} — change only the fields sent (JSON Merge Patch)
export const patchProjectOperation = writeNamedOperation(projectResource, "PATCH");
