import { projectSchema } from "@repo/contracts/project";
import { type ProjectRow, projects } from "@repo/db/schema";
import { etagOf } from "../../http/entity-tags";
import { defineOperation } from "../../http/operation";
import { ITEM_PROBLEMS } from "../../http/operation-problems";
import { json } from "../../http/respond";
import { itemResponse } from "../../named/named-resource";
import { getNamedForUser } from "../../named/queries/get-named";
import { missingError, withUniqueName } from "../../resources/errors";
import { restoreForUser } from "../../resources/queries/restore-for-user";
import { idParams } from "../../resources/resource-id";
import { projectResource } from "../project-resource";
import { toProject } from "../serialize";

// POST /api/v1/projects/{id}/restore — undo a soft delete; a live project is returned unchanged
export const restoreProjectOperation = defineOperation({
  method: "POST",
  path: "/api/v1/projects/{id}/restore",
  auth: "bearer",
  operationId: "restoreProject",
  tag: "projects",
  summary: "Restore a deleted project",
  description:
    "Undoes a soft delete; the project comes back empty (its todos stay detached). Restoring a live project returns it unchanged. If a live project has taken its name meanwhile (ignoring case), 409 `name-taken` and it stays deleted.",
  request: { params: idParams("project") },
  response: itemResponse(projectSchema, "The restored project, empty."),
  problems: [...ITEM_PROBLEMS, "name-taken"],
  async handler({ deps, user, input: { params } }) {
    const restored = await withUniqueName("project", () =>
      restoreForUser<ProjectRow>(deps.db, projects, user.userId, params.id),
    );
    const row = restored ?? (await getNamedForUser(deps.db, projects, user.userId, params.id));
    if (!row)
      throw await missingError(deps.db, projectResource, user.userId, params.id, { write: true });
    return json(toProject(row), { headers: { ETag: etagOf(row) } });
  },
});
