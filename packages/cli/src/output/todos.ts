import type { Todo } from "@repo/api-client";
import { formatDue } from "./dates";
import { formatTable } from "./table";

export interface Names {
  projects: Map<string, string>;
  labels: Map<string, string>;
}

/**
 * One aligned line per todo: `[x]` when done, the whole id (UUIDv7: a prefix would be the
 * same for todos created together), priority, due date, title, `@project` and `#labels`.
 */
export function todoLines(todos: Todo[], names: Names): string[] {
  return formatTable(
    todos.map((todo) => {
      const project = todo.projectId ? names.projects.get(todo.projectId) : undefined;
      const tags = [
        ...(todo.projectId ? [`@${project ?? todo.projectId}`] : []),
        ...todo.labelIds.map((id) => `#${names.labels.get(id) ?? id}`),
      ];
      return [
        todo.completed ? "[x]" : "[ ]",
        todo.id,
        todo.priority,
        todo.dueAt ? formatDue(todo.dueAt) : "-",
        [todo.title, ...tags].join("  "),
      ];
    }),
  );
}

/** `[x] <id>  <title>`: what a write prints about the todo it changed. */
export const todoSummary = (todo: Todo) =>
  `${todo.completed ? "[x]" : "[ ]"} ${todo.id}  ${todo.title}`;
