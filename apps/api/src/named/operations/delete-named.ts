import { z } from "zod";
import { ifMatchVersions } from "../../http/entity-tags";
import { defineOperation } from "../../http/operation";
import { ITEM_PROBLEMS } from "../../http/operation-problems";
import { ifMatchHeader } from "../../http/request-headers";
import { missingError } from "../../resources/errors";
import { idParams } from "../../resources/resource-id";
import { type NamedResource, namedOperation, type RemoveNamed } from "../named-resource";

// DELETE /api/v1/{projects,labels}/{id} — as `remove` deletes one (soft or not)
export const deleteNamedOperation = (
  resource: NamedResource,
  { summary, description, remove }: { summary: string; description: string; remove: RemoveNamed },
) =>
  defineOperation({
    ...namedOperation(resource, "delete", summary),
    description,
    request: {
      params: idParams(resource.noun),
      headers: z.object({ "if-match": ifMatchHeader }),
    },
    response: { status: 204, description: "Deleted." },
    problems: [...ITEM_PROBLEMS, "precondition-failed"],
    async handler({ deps, user, input: { params, headers } }) {
      const expected = ifMatchVersions(headers["if-match"] ?? null);
      if (!(await remove(deps.db, user.userId, params.id, expected)))
        throw await missingError(deps.db, resource, user.userId, params.id, { write: true });
      return new Response(null, { status: 204 });
    },
  });
