import type { Command } from "../command";
import { todoSummary } from "../output/todos";

// todo rm <id> — DELETE /todos/{id} (soft: `todo restore` brings it back for 30 days).
export const rm: Command = {
  name: "rm",
  summary: "delete a todo (restorable for 30 days)",
  args: "<id>",
  positionals: [1, 1],
  async run({ positionals: [id] }, context) {
    await context.client().delete(id as string);
    context.io.stdout(`Deleted ${id} (undo with \`todo restore ${id}\`)`);
  },
};

// todo restore <id> — POST /todos/{id}/restore.
export const restore: Command = {
  name: "restore",
  summary: "restore a deleted todo",
  args: "<id>",
  positionals: [1, 1],
  async run({ positionals: [id] }, context) {
    const { todo } = await context.client().restore(id as string);
    context.io.stdout(`Restored ${todoSummary(todo)}`);
  },
};
