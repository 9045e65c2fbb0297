import type { Database } from "@repo/db/client";
import { z } from "zod";
import { etagOf } from "../../http/entity-tags";
import { defineOperation } from "../../http/operation";
import { BODY_PROBLEMS, JSON_BODY } from "../../http/operation-problems";
import { createOnce } from "../../idempotency/create-once";
import { idempotencyKeyHeader } from "../../idempotency/key";
import type { StoredResponse } from "../../idempotency/run-once";
import { ownerGoneOr, withUniqueName } from "../../resources/errors";
import { limitReached } from "../../resources/live-caps";
import { itemPath, type NamedResource, namedOperation } from "../named-resource";
import { createNamed } from "../queries/create-named";

// POST /api/v1/{projects,labels} — create one owned by the caller; Idempotency-Key honoured
export const createNamedOperation = (resource: NamedResource) =>
  defineOperation({
    ...namedOperation(resource, "create", `Create a ${resource.noun}`),
    description: `With \`Idempotency-Key\`, a retry with the same body returns the first response (with \`Idempotent-Replayed: true\`) and creates nothing. A name you already use for a ${resource.noun} (ignoring case) is a 409 \`name-taken\`. A caller who already has as many ${resource.cap.counted} as allowed gets a 409 \`${resource.cap.problem}\` (a replay is still answered).`,
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
    problems: [...BODY_PROBLEMS, "conflict", "name-taken", resource.cap.problem],
    async handler({ deps, user, input, json: body, request, url }) {
      const { cap } = resource;
      const limit = cap.limit(deps);
      const create = async (db: Database): Promise<StoredResponse> => {
        const row = await withUniqueName(resource.noun, () =>
          createNamed(
            db,
            { table: resource.table, counts: cap.counts },
            user.userId,
            input.body,
            limit,
          ),
        );
        if (!row) throw limitReached(cap, limit);
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
