import type { Command } from "../command";
import { PRINTS_NOTHING, printResult } from "../output/print";
import { todoSummary } from "../output/todos";

// todo rm <id> — DELETE /todos/{id} (soft: `todo restore` brings it back for 30 days).
export const rm: Command = {
  name: "rm",
  summary: "delete a todo (restorable for 30 days)",
  args: "<id>",
  json: PRINTS_NOTHING,
  positionals: [1, 1],
  async run({ values, positionals: [id] }, context) {
    await context.client().delete(id as string);
    await printResult(
      context.io,
      values,
      undefined,
      () => `Deleted ${id} (undo with \`todo restore ${id}\`)`,
    );
  },
};

// todo restore <id> — POST /todos/{id}/restore.
export const restore: Command = {
  name: "restore",
  summary: "restore a deleted todo",
  args: "<id>",
  json: "the todo as the API answers it, one JSON object",
  positionals: [1, 1],
  async run({ values, positionals: [id] }, context) {
    const { todo } = await context.client().restore(id as string);
    await printResult(context.io, values, todo, () => `Restored ${todoSummary(todo)}`);
  },
};
