import { z } from "zod";
import { etagOf, noneMatch } from "../../http/entity-tags";
import { defineOperation } from "../../http/operation";
import { ITEM_PROBLEMS } from "../../http/operation-problems";
import { ifNoneMatchHeader } from "../../http/request-headers";
import { json } from "../../http/respond";
import { missingError } from "../../resources/errors";
import { idParams } from "../../resources/resource-id";
import { itemResponse, type NamedResource, namedOperation } from "../named-resource";
import { getNamedForUser } from "../queries/get-named";

// GET /api/v1/{projects,labels}/{id} — one of the caller's; If-None-Match → 304
export const getNamedOperation = (resource: NamedResource) =>
  defineOperation({
    ...namedOperation(resource, "get", `Get a ${resource.noun}`),
    description: `One of your ${resource.plural}, with its ETag; with If-None-Match, 304 when it has not changed.`,
    request: {
      params: idParams(resource.noun),
      headers: z.object({ "if-none-match": ifNoneMatchHeader }),
    },
    response: itemResponse(resource.schemas.item, `The ${resource.noun}.`),
    otherResponses: {
      304: { description: "Not modified: If-None-Match matched.", headers: ["ETag"] },
    },
    problems: ITEM_PROBLEMS,
    async handler({ deps, user, input: { params, headers } }) {
      const row = await getNamedForUser(deps.db, resource.table, user.userId, params.id);
      if (!row)
        throw await missingError(deps.db, resource, user.userId, params.id, { write: false });
      const etag = etagOf(row);
      if (noneMatch(headers["if-none-match"] ?? null, etag))
        return new Response(null, { status: 304, headers: { ETag: etag } });
      return json(resource.toJson(row), { headers: { ETag: etag } });
    },
  });
