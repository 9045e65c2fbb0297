import { todoInputSchema, todoSchema } from "@repo/contracts/todo";
import type { Database } from "@repo/db/client";
import { z } from "zod";
import { defineOperation } from "../../http/operation";
import { createOnce } from "../../idempotency/create-once";
import { idempotencyKeyHeader } from "../../idempotency/key";
import type { StoredResponse } from "../../idempotency/run-once";
import { ownerGoneOr } from "../../resources/errors";
import { limitReached, TODO_CAP } from "../../resources/live-caps";
import { createTodo } from "../queries/create-todo";
import { etagOf, todoLocation, toTodo } from "../serialize";
import { writeWithReferences } from "../with-references";
import { BODY_PROBLEMS, JSON_BODY } from "./problems";

// POST /api/v1/todos — create a todo owned by the caller; Idempotency-Key honoured
export const createTodoOperation = defineOperation({
  method: "POST",
  path: "/api/v1/todos",
  auth: "bearer",
  operationId: "createTodo",
  tag: "todos",
  summary: "Create a todo",
  description:
    "With `Idempotency-Key`, a retry with the same body returns the first response (with `Idempotent-Replayed: true`) and creates nothing. A caller who already has as many live todos as allowed gets a 409 `todo-limit-reached` (a replay is still answered).",
  request: {
    headers: z.object({ "idempotency-key": idempotencyKeyHeader }),
    body: { schema: todoInputSchema, mediaTypes: JSON_BODY },
  },
  response: {
    status: 201,
    description: "Created.",
    schema: todoSchema,
    headers: ["Location", "ETag", "Idempotent-Replayed"],
  },
  problems: [...BODY_PROBLEMS, "conflict", TODO_CAP.problem],
  async handler({ deps, user, input, json: body, request, url }) {
    const limit = TODO_CAP.limit(deps);
    const create = async (db: Database): Promise<StoredResponse> => {
      const { labelIds, ...fields } = input.body;
      const refs = {
        projectId: fields.projectId,
        labelIds: labelIds.length ? labelIds : undefined,
      };
      const row = await writeWithReferences(db, user.userId, refs, (tx) =>
        createTodo(tx, user.userId, fields, limit),
      );
      if (!row) throw limitReached(TODO_CAP, limit);
      return {
        status: 201,
        headers: { Location: todoLocation(row.id), ETag: etagOf(row) },
        body: toTodo(row),
      };
    };

    const key = input.headers["idempotency-key"];
    try {
      return await createOnce(deps.db, { userId: user.userId, key, request, url, body }, create);
    } catch (error) {
      // The token outlived its user: the insert's foreign key says so.
      throw ownerGoneOr(error);
    }
  },
});
