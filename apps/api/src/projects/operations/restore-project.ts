import { projectSchema } from "@repo/contracts/project";
import { type ProjectRow, projects } from "@repo/db/schema";
import { etagOf } from "../../http/entity-tags";
import { defineOperation } from "../../http/operation";
import { ITEM_PROBLEMS } from "../../http/operation-problems";
import { json } from "../../http/respond";
import { itemResponse } from "../../named/named-resource";
import { getNamedForUser } from "../../named/queries/get-named";
import { missingError, withUniqueName } from "../../resources/errors";
import { limitReached } from "../../resources/live-caps";
import { lockLiveCount, takeLiveSlot } from "../../resources/queries/live-count";
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
    "Undoes a soft delete; the project comes back empty (its todos stay detached). Restoring a live project returns it unchanged. If a live project has taken its name meanwhile (ignoring case), 409 `name-taken` and it stays deleted. Bringing one back when the caller already has as many live projects as allowed is a 409 `project-limit-reached`.",
  request: { params: idParams("project") },
  response: itemResponse(projectSchema, "The restored project, empty."),
  problems: [...ITEM_PROBLEMS, "name-taken", projectResource.cap.problem],
  async handler({ deps, user, input: { params } }) {
    const { cap } = projectResource;
    const limit = cap.limit(deps);
    // A restore makes a project live, so it takes a place under the cap as a create does: the
    // count row first (see live-count.ts), and past the cap the transaction rolls back and the
    // project stays deleted.
    const restored = await withUniqueName("project", () =>
      deps.db.transaction(async (tx) => {
        await lockLiveCount(tx, cap.counts, user.userId);
        const row = await restoreForUser<ProjectRow>(tx, projects, user.userId, params.id);
        if (row && !(await takeLiveSlot(tx, cap.counts, user.userId, limit)))
          throw limitReached(cap, limit);
        return row;
      }),
    );
    const row = restored ?? (await getNamedForUser(deps.db, projects, user.userId, params.id));
    if (!row)
      throw await missingError(deps.db, projectResource, user.userId, params.id, { write: true });
    return json(toProject(row), { headers: { ETag: etagOf(row) } });
  },
});
