import { todoInputSchema, todoSchema } from "@repo/contracts/todo";
import type { Database } from "@repo/db/client";
import { sqlState } from "@repo/db/errors";
import { z } from "zod";
import { defineOperation } from "../../http/operation";
import { json } from "../../http/respond";
import { idempotencyKeyHeader, requestHash } from "../../idempotency/key";
import { runOnce, type StoredResponse } from "../../idempotency/run-once";
import { createTodo } from "../queries/create-todo";
import { etagOf, todoLocation, toTodo } from "../serialize";
import { todoLimitReached, userGone } from "../todo-errors";
import { writeWithReferences } from "../with-references";
import { BODY_PROBLEMS, JSON_BODY } from "./problems";

const FOREIGN_KEY_VIOLATION = "23503";

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
  problems: [...BODY_PROBLEMS, "conflict", "todo-limit-reached"],
  async handler({ deps, user, input, json: body }) {
    const key = input.headers["idempotency-key"];
    const create = async (db: Database): Promise<StoredResponse> => {
      const { labelIds, ...fields } = input.body;
      const refs = {
        projectId: fields.projectId,
        labelIds: labelIds.length ? labelIds : undefined,
      };
      const row = await writeWithReferences(db, user.userId, refs, (tx) =>
        createTodo(tx, user.userId, fields, deps.todoLimitPerUser),
      );
      if (!row) throw todoLimitReached(deps.todoLimitPerUser);
      return {
        status: 201,
        headers: { Location: todoLocation(row.id), ETag: etagOf(row) },
        body: toTodo(row),
      };
    };

    try {
      if (key === undefined) {
        const created = await create(deps.db);
        return json(created.body, created);
      }
      const outcome = await runOnce(
        deps.db,
        { userId: user.userId, key, hash: requestHash(body) },
        create,
      );
      const headers = {
        ...outcome.headers,
        ...(outcome.replayed ? { "Idempotent-Replayed": "true" } : {}),
      };
      return json(outcome.body, { status: outcome.status, headers });
    } catch (error) {
      // The token outlived its user: the insert's foreign key says so.
      throw sqlState(error) === FOREIGN_KEY_VIOLATION ? userGone() : error;
    }
  },
});
