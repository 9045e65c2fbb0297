import type { TodoPatchBody } from "@repo/api-client";
import { flagOf, listOf, stringOf } from "../args";
import type { Command, Values } from "../command";
import { usageError } from "../exit-codes";
import { printResult } from "../output/print";
import { todoSummary } from "../output/todos";
import type { NameResolver } from "../resolve-names";
import { createNameResolver } from "../resolve-names";
import { parseDate, parsePriority } from "../values";

function exclusive(values: Values, a: string, b: string) {
  if (values[a] !== undefined && values[b] !== undefined)
    throw usageError(`--${a} and --${b} cannot be used together`);
}

async function patchOf(values: Values, names: NameResolver): Promise<TodoPatchBody> {
  exclusive(values, "due", "no-due");
  exclusive(values, "project", "no-project");
  const patch: TodoPatchBody = {};
  const title = stringOf(values, "title");
  const due = stringOf(values, "due");
  const priority = stringOf(values, "priority");
  const project = stringOf(values, "project");
  const labels = listOf(values, "label");
  if (title !== undefined) patch.title = title;
  if (due !== undefined) patch.dueAt = parseDate(due, "--due", "end");
  if (flagOf(values, "no-due")) patch.dueAt = null;
  if (priority !== undefined) patch.priority = parsePriority(priority);
  if (project !== undefined) patch.projectId = await names.id("project", project);
  if (flagOf(values, "no-project")) patch.projectId = null;
  if (labels.length > 0)
    patch.labelIds = await Promise.all(labels.map((l) => names.id("label", l)));
  if (flagOf(values, "no-labels")) patch.labelIds = [];
  if (Object.keys(patch).length === 0)
    throw usageError("nothing to change (see `todo edit --help`)");
  return patch;
}

// todo edit <id> — PATCH /todos/{id}, conditional on the ETag read just before (412 → exit 6).
export const edit: Command = {
  name: "edit",
  summary: "change a todo (refused if it changed meanwhile)",
  args: "<id>",
  help: `  --title <text>
  --due <date> | --no-due
  --priority <p>            low, normal, high or urgent
  --project <name|id> | --no-project
  --label <name|id>         the todo's labels become these (repeatable) | --no-labels
  --if-match <etag>         write only if the todo's ETag is still this one, instead of
                            the one read just before the write`,
  json: "the todo as the API answers it, one JSON object",
  options: {
    title: { type: "string" },
    due: { type: "string" },
    "no-due": { type: "boolean" },
    priority: { type: "string" },
    project: { type: "string" },
    "no-project": { type: "boolean" },
    label: { type: "string", multiple: true },
    "no-labels": { type: "boolean" },
    "if-match": { type: "string" },
  },
  positionals: [1, 1],
  async run({ values, positionals: [id] }, context) {
    const client = context.client();
    const patch = await patchOf(values, createNameResolver(client));
    let ifMatch = stringOf(values, "if-match");
    if (ifMatch === undefined) {
      const current = await client.get(id as string);
      ifMatch = current.etag;
    }
    const { todo } = await client.patch(id as string, patch, { ifMatch });
    await printResult(context.io, values, todo, () => `Changed ${todoSummary(todo)}`);
  },
};
