import { deleteNamedOperation } from "../../named/operations/delete-named";
import { projectResource } from "../project-resource";
import { softDeleteProjectForUser } from "../queries/soft-delete-project-for-user";

// DELETE /api/v1/projects/{id} — soft delete; its todos are detached in the same transaction
export const deleteProjectOperation = deleteNamedOperation(projectResource, {
  summary: "Delete a project (soft)",
  description:
    "The project leaves lists and reads as 404; every todo in it (deleted ones too) is detached (`projectId` null, a new version) in the same transaction. Restore brings the project back, empty, for 30 days.",
  remove: softDeleteProjectForUser,
});
