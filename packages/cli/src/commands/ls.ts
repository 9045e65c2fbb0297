import type { Todo, TodoClient, TodoListParams } from "@repo/api-client";
import { flagOf, listOf, stringOf } from "../args";
import type { Command, Values } from "../command";
import { usageError } from "../exit-codes";
import { printResult, wantsJson } from "../output/print";
import { todoLines } from "../output/todos";
import { createNameResolver, type NameResolver } from "../resolve-names";
import { parseDate, parseLimit, parsePriority, parseSort } from "../values";

async function paramsOf(values: Values, names: NameResolver): Promise<TodoListParams> {
  if (flagOf(values, "completed") && flagOf(values, "open"))
    throw usageError("--completed and --open cannot be used together");
  const read = <T>(name: string, parse: (value: string) => T) => {
    const value = stringOf(values, name);
    return value === undefined ? undefined : parse(value);
  };
  const labels = listOf(values, "label");
  return {
    completed: flagOf(values, "completed") ? true : flagOf(values, "open") ? false : undefined,
    projectId: await read("project", async (p) =>
      p.toLowerCase() === "none" ? "none" : names.id("project", p),
    ),
    labelId:
      labels.length > 0 ? await Promise.all(labels.map((l) => names.id("label", l))) : undefined,
    overdue: flagOf(values, "overdue") ? true : undefined,
    priority: read("priority", parsePriority),
    dueBefore: read("due-before", (d) => parseDate(d, "--due-before", "start")),
    dueAfter: read("due-after", (d) => parseDate(d, "--due-after", "start")),
    q: stringOf(values, "q"),
    sort: read("sort", parseSort),
    limit: read("limit", parseLimit),
    cursor: stringOf(values, "cursor"),
  };
}

/** One page, or with `all` every page from `params.cursor` on. */
async function fetchTodos(client: TodoClient, params: TodoListParams, all: boolean) {
  const todos: Todo[] = [];
  let cursor = params.cursor;
  do {
    const page = await client.list({ ...params, cursor });
    todos.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (all && cursor !== undefined);
  return { todos, nextCursor: cursor };
}

// todo ls — GET /todos with filters, one page or (--all) every page.
export const ls: Command = {
  name: "ls",
  summary: "list todos",
  help: `  --open | --completed       only open, or only done, todos
  --project <name|id|none>   only this project's todos (none: those in no project)
  --label <name|id>          only todos with this label (repeatable: all of them)
  --overdue                  only open todos past their due date
  --priority <p>             low, normal, high or urgent
  --due-before <date>        due before (YYYY-MM-DD: that day's start, local time)
  --due-after <date>         due at or after
  --q <text>                 title contains (ignoring case)
  --sort <sort>              -createdAt (default), createdAt, -updatedAt, updatedAt,
                             dueAt, priority, -priority
  --limit <n>                page size, 1–100 (default 20)
  --cursor <cursor>          the page after the one that printed it
  --all                      every page`,
  json: "the todos as the API answers them, one JSON array; More: on stderr",
  options: {
    completed: { type: "boolean" },
    open: { type: "boolean" },
    project: { type: "string" },
    label: { type: "string", multiple: true },
    overdue: { type: "boolean" },
    priority: { type: "string" },
    "due-before": { type: "string" },
    "due-after": { type: "string" },
    q: { type: "string" },
    sort: { type: "string" },
    limit: { type: "string" },
    cursor: { type: "string" },
    all: { type: "boolean" },
  },
  async run({ values }, context) {
    const { io } = context;
    const client = context.client();
    const names = createNameResolver(client);
    const params = await paramsOf(values, names);
    const { todos, nextCursor } = await fetchTodos(client, params, flagOf(values, "all"));
    const more = nextCursor && `More: add --cursor ${nextCursor} (or --all).`;
    await printResult(io, values, todos, async () => {
      const named = todos.some((todo) => todo.projectId || todo.labelIds.length > 0);
      const lookup = named
        ? { projects: await names.names("project"), labels: await names.names("label") }
        : { projects: new Map(), labels: new Map() };
      const lines = todos.length === 0 ? ["No todos."] : todoLines(todos, lookup);
      return more ? [...lines, more] : lines;
    });
    // Beside the JSON, not in it: stdout stays one array.
    if (more && wantsJson(values)) io.stderr(more);
  },
};
