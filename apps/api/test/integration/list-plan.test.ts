import { TODO_SORTS, type TodoSort } from "@repo/contracts/todo";
import type { Database } from "@repo/db/client";
import { user } from "@repo/db/schema";
import { Placeholder, type SQLWrapper, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type ListTodosOptions,
  listTodosQuery,
  searchWindowQuery,
} from "../../src/todos/queries/list-todos";
import { useApi } from "../support/api";

const api = useApi();

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/** The index each sort walks. */
const SORT_INDEX: Record<TodoSort, string> = {
  "-createdAt": "todos_user_live_created_idx",
  createdAt: "todos_user_live_created_idx",
  "-updatedAt": "todos_user_live_updated_idx",
  updatedAt: "todos_user_live_updated_idx",
  dueAt: "todos_user_live_due_idx",
  priority: "todos_user_live_priority_idx",
  "-priority": "todos_user_live_priority_idx",
};

/** No Sort node and no sequential scan anywhere (the labelIds subquery included), and `index` walked. */
function expectIndexWalk(plan: PlanNode | undefined, index: string) {
  if (!plan) throw new Error("no plan");
  const types = nodes(plan).map((n) => n["Node Type"]);
  expect(types).not.toContain("Sort");
  expect(types).not.toContain("Seq Scan");
  expect(nodes(plan).map((n) => n["Index Name"])).toContain(index);
}

async function explain(query: SQLWrapper): Promise<PlanNode | undefined> {
  const result = await api.database.current.db.execute(sql`explain (format json) ${query}`);
  const [row] = result.rows as { "QUERY PLAN": [{ Plan: PlanNode }] }[];
  return row?.["QUERY PLAN"][0].Plan;
}

/** A position to continue after, of the sort column's kind. */
const positionFor = (sort: TodoSort) => ({
  at: sort.endsWith("priority") ? 3 : new Date().toISOString(),
  id: "01a20b40-e163-737f-bcc0-8fd78acc81d8",
});

// plan-7's first project and label (the seed's ids are fixed for this).
const PROJECT = "01a20b40-0000-7000-8000-000000000070";
const LABEL = "01a20b40-0000-7000-8000-000000000170";

describe("the list query's plan", () => {
  beforeAll(async () => {
    // Enough rows, over enough users, soft-deleted ones among them, for the planner's real choice.
    const db = api.database.current.db;
    await db.insert(user).values(
      Array.from({ length: 50 }, (_, i) => ({
        id: `plan-${i}`,
        name: "p",
        email: `plan-${i}@example.test`,
      })),
    );
    // Each user: 5 projects and 10 labels; most todos in a project, two thirds with a due date
    // (around now, so some are overdue), every priority, one or two labels each.
    await db.execute(sql`
      insert into projects (id, user_id, name, color)
      select ('01a20b40-0000-7000-8000-' || lpad((u * 10 + k)::text, 12, '0'))::uuid,
             'plan-' || u, 'project ' || k, 'gray'
      from generate_series(0, 49) as u, generate_series(0, 4) as k`);
    await db.execute(sql`
      insert into labels (id, user_id, name, color)
      select ('01a20b40-0000-7000-8000-' || lpad((100 + u * 10 + k)::text, 12, '0'))::uuid,
             'plan-' || u, 'label ' || k, 'gray'
      from generate_series(0, 49) as u, generate_series(0, 9) as k`);
    await db.execute(sql`
      insert into todos (id, user_id, title, created_at, updated_at, deleted_at, completed,
                         due_at, priority, project_id)
      select gen_random_uuid(), 'plan-' || (n % 50), 'todo ' || n,
             now() - n * interval '1 second', now(),
             case when n % 10 = 0 then now() end,
             n % 3 = 0,
             case when n % 3 <> 2 then now() + (n % 200 - 100) * interval '1 hour' end,
             1 + n % 4,
             case when n % 6 <> 5 then ('01a20b40-0000-7000-8000-' || lpad(((n % 50) * 10 + n % 5)::text, 12, '0'))::uuid end
      from generate_series(1, 20000) as n`);
    // plan-7 is the large user the issue names (a smaller share of 100,000 todos, for time):
    // 10,000 more, so its filters' plans are chosen over a list worth walking in order.
    await db.execute(sql`
      insert into todos (id, user_id, title, created_at, updated_at, completed, due_at, priority,
                         project_id)
      select gen_random_uuid(), 'plan-7', 'more ' || n, now() - (20000 + n) * interval '1 second',
             now(), n % 3 = 0,
             case when n % 3 <> 2 then now() + (n % 200 - 100) * interval '1 hour' end,
             1 + n % 4,
             case when n % 6 <> 5 then ('01a20b40-0000-7000-8000-' || lpad((70 + n % 5)::text, 12, '0'))::uuid end
      from generate_series(1, 10000) as n`);
    await db.execute(sql`
      insert into todo_labels (todo_id, label_id, user_id)
      select t.id, ('01a20b40-0000-7000-8000-' || lpad((100 + substr(t.user_id, 6)::int * 10 + l)::text, 12, '0'))::uuid, t.user_id
      from (select id, user_id, row_number() over () as n from todos) as t
      cross join lateral (select t.n % 10 as l union select (t.n * 7) % 10 where t.n % 4 = 0) as ls`);
    await db.execute(sql`analyze`);
  });

  // What each list request runs first: the plain list's one statement, or a search's first step
  // (a q with no trigram, like "od", is one statement too).
  type Build = (db: Database, options: ListTodosOptions) => SQLWrapper;
  const variants: [string, Build][] = [
    ["no filter", listTodosQuery],
    ["completed=false", (db, o) => listTodosQuery(db, { ...o, completed: false })],
    ["q=od", (db, o) => listTodosQuery(db, { ...o, q: "od" })],
    ["q=odo (the search's window)", (db, o) => searchWindowQuery(db, { ...o, q: "odo" })],
    [
      "a cursor",
      (db, o) => listTodosQuery(db, { ...o, after: positionFor(o.sort ?? "-createdAt") }),
    ],
  ];
  const cases = TODO_SORTS.flatMap((sort) =>
    variants.map(([name, build]) => [sort, name, build] as const),
  );

  it.each(cases)(
    "sort=%s with %s walks an index, with no Sort node and no sequential scan",
    async (sort, _, build) => {
      const query = build(api.database.current.db, { userId: "plan-7", limit: 21, sort });
      expectIndexWalk(await explain(query), SORT_INDEX[sort]);
    },
  );

  // The common filters, in the default order: each a walk of an index in that order, the
  // label filter probing todo_labels' primary key per todo.
  const filtered: [string, Partial<ListTodosOptions>, string[]][] = [
    ["projectId", { projectId: PROJECT }, ["todos_user_live_project_idx"]],
    // `project_id is null` is no equality to PostgreSQL's ordering logic, so the project index
    // cannot give this list its order: the default index is walked, the filter applied on the way.
    ["projectId=none", { projectId: null }, ["todos_user_live_created_idx"]],
    [
      "labelId",
      { labelIds: [LABEL] },
      ["todos_user_live_created_idx", "todo_labels_todo_id_label_id_pk"],
    ],
    [
      "two labelIds",
      { labelIds: [LABEL, "01a20b40-0000-7000-8000-000000000171"] },
      ["todos_user_live_created_idx", "todo_labels_todo_id_label_id_pk"],
    ],
    ["overdue=true", { overdue: true }, ["todos_user_live_created_idx"]],
    ["overdue=false", { overdue: false }, ["todos_user_live_created_idx"]],
    ["priority", { priority: 4 }, ["todos_user_live_created_idx"]],
    [
      "projectId and a cursor",
      {
        projectId: PROJECT,
        after: positionFor("-createdAt"),
      },
      ["todos_user_live_project_idx"],
    ],
  ];
  it.each(filtered)(
    "the default list filtered by %s walks an index, with no Sort node and no sequential scan",
    async (_, filter, indexes) => {
      const query = listTodosQuery(api.database.current.db, {
        userId: "plan-7",
        limit: 21,
        ...filter,
      });
      const plan = await explain(query);
      for (const index of indexes) expectIndexWalk(plan, index);
    },
  );

  // The new sorts with their own filters: overdue and due ranges by due date, a priority level by
  // priority, and the dueAt sort's undated tail.
  const sorted: [TodoSort, string, Partial<ListTodosOptions>][] = [
    ["dueAt", "overdue=true", { overdue: true }],
    [
      "dueAt",
      "dueAfter and dueBefore",
      { dueAfter: new Date(), dueBefore: new Date(Date.now() + 86_400_000) },
    ],
    ["dueAt", "the undated tail", { undated: true }],
    [
      "dueAt",
      "the undated tail after a cursor",
      { after: { at: null, id: "01a20b40-e163-737f-bcc0-8fd78acc81d8" } },
    ],
    ["dueAt", "a dated cursor", { after: positionFor("dueAt") }],
    ["priority", "priority=4", { priority: 4 }],
    ["-priority", "a cursor", { after: positionFor("-priority") }],
  ];
  it.each(sorted)(
    "sort=%s with %s walks its index, with no Sort node and no sequential scan",
    async (sort, _, filter) => {
      const query = listTodosQuery(api.database.current.db, {
        userId: "plan-7",
        limit: 21,
        sort,
        ...filter,
      });
      expectIndexWalk(await explain(query), SORT_INDEX[sort]);
    },
  );

  // The plain list runs as a prepared statement, which PostgreSQL may switch to a generic plan
  // (planned without the values): that plan must walk the index too, for every sort and the
  // common filters.
  const p = (name: string) => sql.placeholder(name);
  let prepared = 0;
  const generic: [string, Partial<ListTodosOptions>][] = [
    ["no filter", {}],
    ["completed", { completed: p("completed") }],
  ];
  const genericFiltered: [string, Partial<ListTodosOptions>, string][] = [
    ["projectId", { projectId: p("projectId") }, "todos_user_live_project_idx"],
    ["projectId=none", { projectId: null }, "todos_user_live_created_idx"],
    ["labelId", { labelIds: p("labelIds") }, "todo_labels_todo_id_label_id_pk"],
    ["overdue=true", { overdue: true }, "todos_user_live_created_idx"],
  ];
  const shapes = [
    ...TODO_SORTS.flatMap((sort) =>
      generic.map(([name, f]) => [sort, name, f, SORT_INDEX[sort]] as const),
    ),
    ...genericFiltered.map(
      ([name, f, index]) => ["-createdAt" as TodoSort, name, f, index] as const,
    ),
  ].flatMap(([sort, name, filter, index]) =>
    [false, true].map((after) => [sort, name, after, filter, index] as const),
  );
  it.each(shapes)(
    "the prepared sort=%s list (%s, cursor: %s) keeps an index walk as a generic plan",
    async (sort, _, after, filter, index) => {
      const query = listTodosQuery(api.database.current.db, {
        userId: p("userId"),
        limit: p("limit"),
        sort,
        ...filter,
        after: after ? { at: p("at"), id: p("afterId") } : undefined,
      }).toSQL();
      const values: Record<string, unknown> = {
        userId: "plan-7",
        limit: 21,
        completed: false,
        projectId: PROJECT,
        labelIds: `{${LABEL}}`,
        at: positionFor(sort).at,
        afterId: "01a20b40-e163-737f-bcc0-8fd78acc81d8",
      };
      const args = query.params.map((param) =>
        param instanceof Placeholder ? values[param.name] : param,
      );
      // A name of its own: a statement prepared on a connection outlives a failed test.
      const name = `generic_list_${++prepared}`;
      const plan = await api.database.current.db.transaction(async (tx) => {
        await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
        await tx.execute(sql.raw(`prepare ${name} as ${query.sql}`));
        const list = args.map((value) => `'${String(value).replaceAll("'", "''")}'`).join(", ");
        const result = await tx.execute(sql.raw(`explain (format json) execute ${name}(${list})`));
        await tx.execute(sql.raw(`deallocate ${name}`));
        return (result.rows as { "QUERY PLAN": [{ Plan: PlanNode }] }[])[0]?.["QUERY PLAN"][0].Plan;
      });
      expectIndexWalk(plan, index);
    },
  );
});
