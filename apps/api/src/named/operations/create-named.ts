import type { Database } from "@repo/db/client";
import { z } from "zod";
import { etagOf } from "../../http/entity-tags";
import { defineOperation } from "../../http/operation";
import { BODY_PROBLEMS, JSON_BODY } from "../../http/operation-problems";
import { createOnce } from "../../idempotency/create-once";
import { idempotencyKeyHeader } from "../../idempotency/key";
import type { StoredResponse } from "../../idempotency/run-once";
import { ownerGoneOr, withUniqueName } from "../../resources/errors";
import { itemPath, type NamedResource, namedOperation } from "../named-resource";
import { createNamed } from "../queries/create-named";

// POST /api/v1/{projects,labels} — create one owned by the caller; Idempotency-Key honoured
export const createNamedOperation = (resource: NamedResource) =>
  defineOperation({
    ...namedOperation(resource, "create", `Create a ${resource.noun}`),
    description: `With \`Idempotency-Key\`, a retry with the same body returns the first response (with \`Idempotent-Replayed: true\`) and creates nothing. A name you already use for a ${resource.noun} (ignoring case) is a 409 \`name-taken\`.`,
    request: {
      headers: z.object({ "idempotency-key": idempotencyKeyHeader }),
      body: { schema: resource.schemas.input, mediaTypes: JSON_BODY },
    },
    response: {
      status: 201,
      description: "Created.",
      schema: resource.schemas.item,
      headers: ["Location", "ETag", "Idempotent-Replayed"],
    },
    problems: [...BODY_PROBLEMS, "conflict", "name-taken"],
    async handler({ deps, user, input, json: body, request, url }) {
      const create = async (db: Database): Promise<StoredResponse> => {
        const row = await withUniqueName(resource.noun, () =>
          createNamed(db, resource.table, user.userId, input.body),
        );
        return {
          status: 201,
          headers: { Location: itemPath(resource, row.id), ETag: etagOf(row) },
          body: resource.toJson(row),
        };
      };
      const key = input.headers["idempotency-key"];
      try {
        return await createOnce(deps.db, { userId: user.userId, key, request, url, body }, create);
      } catch (error) {
        throw ownerGoneOr(error);
      }
    },
  });
