import { randomUUID } from "node:crypto";
import { listOf, stringOf } from "../args";
import type { Command } from "../command";
import { printResult } from "../output/print";
import { todoSummary } from "../output/todos";
import { createNameResolver } from "../resolve-names";
import { parseDate, parsePriority } from "../values";

// todo add <title> — POST /todos.
export const add: Command = {
  name: "add",
  summary: "add a todo",
  args: "<title>",
  help: `  --due <date>          YYYY-MM-DD (that day, local time) or an RFC 3339 date-time
  --priority <p>        low, normal, high or urgent
  --project <name|id>   put it in this project
  --label <name|id>     give it this label (repeatable)
  A title of several words needs no quotes: \`todo add buy milk\`.`,
  json: "the todo as the API answers it, one JSON object",
  options: {
    due: { type: "string" },
    priority: { type: "string" },
    project: { type: "string" },
    label: { type: "string", multiple: true },
  },
  positionals: [1, Number.POSITIVE_INFINITY],
  async run({ values, positionals }, context) {
    const due = stringOf(values, "due");
    const priority = stringOf(values, "priority");
    const project = stringOf(values, "project");
    const client = context.client();
    const names = createNameResolver(client);
    const { todo } = await client.create(
      {
        title: positionals.join(" "),
        dueAt: due === undefined ? undefined : parseDate(due, "--due", "end"),
        priority: priority === undefined ? undefined : parsePriority(priority),
        projectId: project === undefined ? undefined : await names.id("project", project),
        labelIds: await Promise.all(listOf(values, "label").map((l) => names.id("label", l))),
      },
      // The 429 retry sends the create again: the key makes that safe whatever happened.
      { idempotencyKey: randomUUID() },
    );
    await printResult(context.io, values, todo, () => `Added ${todoSummary(todo)}`);
  },
};
