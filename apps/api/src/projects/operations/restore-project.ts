import { projectSchema } from "@repo/contracts/project";
import { etagOf } from "../../http/entity-tags";
import { defineOperation } from "../../http/operation";
import { ITEM_PROBLEMS } from "../../http/operation-problems";
import { json } from "../../http/respond";
import { getNamedForUser } from "../../named/queries/get-named";
import { missingError, withUniqueName } from "../../resources/errors";
import { idParams } from "../../resources/resource-id";
import { projectResource } from "../project-resource";
import { restoreProjectForUser } from "../queries/restore-project-for-user";
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
  response: {
    status: 200,
    description: "The restored project.",
    schema: projectSchema,
    headers: ["ETag"],
  },
  problems: [...ITEM_PROBLEMS, "name-taken"],
  async handler({ deps, user, input: { params } }) {
    const restored = await withUniqueName("project", () =>
      restoreProjectForUser(deps.db, user.userId, params.id),
    );
    const row =
      restored ?? (await getNamedForUser(deps.db, projectResource.table, user.userId, params.id));
    if (!row)
      throw await missingError(deps.db, projectResource, user.userId, params.id, { write: true });
    return json(toProject(row), { headers: { ETag: etagOf(row) } });
  },
});
