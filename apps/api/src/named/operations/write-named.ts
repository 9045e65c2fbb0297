import { z } from "zod";
import { etagOf, ifMatchVersions } from "../../http/entity-tags";
import { defineOperation } from "../../http/operation";
import {
  BODY_PROBLEMS,
  ITEM_PROBLEMS,
  JSON_BODY,
  MERGE_PATCH_BODY,
} from "../../http/operation-problems";
import { ifMatchHeader } from "../../http/request-headers";
import { json } from "../../http/respond";
import { missingError, withUniqueName } from "../../resources/errors";
import { idParams } from "../../resources/resource-id";
import { itemResponse, type NamedResource, namedOperation } from "../named-resource";
import { updateNamedForUser } from "../queries/update-named";

const KINDS = {
  PUT: {
    verb: "replace",
    summary: "Replace",
    description: "Omitted fields take their defaults, as on create.",
    mediaTypes: JSON_BODY,
  },
  PATCH: {
    verb: "patch",
    summary: "Change some fields of",
    description: "JSON Merge Patch: only the fields sent change.",
    mediaTypes: MERGE_PATCH_BODY,
  },
} as const;

// PUT and PATCH /api/v1/{projects,labels}/{id} — a whole replacement, or only the fields sent
export const writeNamedOperation = (resource: NamedResource, method: "PUT" | "PATCH") => {
  const kind = KINDS[method];
  return defineOperation({
    ...namedOperation(resource, kind.verb, `${kind.summary} a ${resource.noun}`),
    description: `${kind.description} A name you already use for another ${resource.noun} (ignoring case) is a 409 \`name-taken\`.`,
    request: {
      params: idParams(resource.noun),
      headers: z.object({ "if-match": ifMatchHeader }),
      body: {
        schema: method === "PUT" ? resource.schemas.input : resource.schemas.patch,
        mediaTypes: kind.mediaTypes,
      },
    },
    response: itemResponse(resource.schemas.item, `The changed ${resource.noun}.`),
    problems: [...BODY_PROBLEMS, ...ITEM_PROBLEMS, "precondition-failed", "name-taken"],
    async handler({ deps, user, input: { params, headers, body } }) {
      const expected = ifMatchVersions(headers["if-match"] ?? null);
      const row = await withUniqueName(resource.noun, () =>
        updateNamedForUser(deps.db, resource.table, user.userId, params.id, body, expected),
      );
      if (!row)
        throw await missingError(deps.db, resource, user.userId, params.id, { write: true });
      return json(resource.toJson(row), { headers: { ETag: etagOf(row) } });
    },
  });
};
