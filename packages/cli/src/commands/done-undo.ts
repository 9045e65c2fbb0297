import type { Command } from "../command";
import { todoSummary } from "../output/todos";

const setCompleted = (completed: boolean): Command => ({
  name: completed ? "done" : "undo",
  summary: completed ? "mark a todo done" : "mark a todo not done",
  args: "<id>",
  positionals: [1, 1],
  async run({ positionals: [id] }, context) {
    const { todo } = await context.client().patch(id as string, { completed });
    context.io.stdout(todoSummary(todo));
  },
});

// todo done <id> / todo undo <id> — PATCH /todos/{id} { completed }.
export const done = setCompleted(true);
export const undo = setCompleted(false);
