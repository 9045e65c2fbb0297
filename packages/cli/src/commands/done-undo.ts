import type { Command } from "../command";
import { printResult } from "../output/print";
import { todoSummary } from "../output/todos";

const setCompleted = (completed: boolean): Command => ({
  name: completed ? "done" : "undo",
  summary: completed ? "mark a todo done" : "mark a todo not done",
  args: "<id>",
  json: "the todo as the API answers it, one JSON object",
  positionals: [1, 1],
  async run({ values, positionals: [id] }, context) {
    const { todo } = await context.client().patch(id as string, { completed });
    await printResult(context.io, values, todo, () => todoSummary(todo));
  },
});

// todo done <id> / todo undo <id> — PATCH /todos/{id} { completed }.
export const done = setCompleted(true);
export const undo = setCompleted(false);
