import { writeNamedOperation } from "../../named/operations/write-named";
import { projectResource } from "../project-resource";

// PUT /api/v1/projects/{id} — replace: omitted color → gray, omitted archived → false
export const replaceProjectOperation = writeNamedOperation(projectResource, "PUT");
