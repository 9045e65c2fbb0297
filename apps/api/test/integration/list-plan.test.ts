import { TODO_SORTS } from "@repo/contracts/todo";
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

function expectIndexWalk(plan: PlanNode | undefined, sort: string) {
  if (!plan) throw new Error("no plan");
  const types = nodes(plan).map((n) => n["Node Type"]);
  expect(types).not.toContain("Sort");
  expect(types).not.toContain("Seq Scan");
  const index = sort.endsWith("createdAt")
    ? "todos_user_live_created_idx"
    : "todos_user_live_updated_idx";
  expect(nodes(plan).some((n) => n["Index Name"] === index)).toBe(true);
}

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
    await db.execute(sql`
      insert into todos (id, user_id, title, created_at, updated_at, deleted_at)
      select gen_random_uuid(), 'plan-' || (n % 50), 'todo ' || n,
             now() - n * interval '1 second', now(),
             case when n % 10 = 0 then now() end
      from generate_series(1, 20000) as n`);
    await db.execute(sql`analyze todos`);
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
      (db, o) =>
        listTodosQuery(db, {
          ...o,
          after: { at: new Date().toISOString(), id: "01a20b40-e163-737f-bcc0-8fd78acc81d8" },
        }),
    ],
  ];
  const cases = TODO_SORTS.flatMap((sort) =>
    variants.map(([name, build]) => [sort, name, build] as const),
  );

  it.each(cases)(
    "sort=%s with %s walks an index, with no Sort node and no sequential scan",
    async (sort, _, build) => {
      const query = build(api.database.current.db, { userId: "plan-7", limit: 21, sort });
      const result = await api.database.current.db.execute(sql`explain (format json) ${query}`);
      const [row] = result.rows as { "QUERY PLAN": [{ Plan: PlanNode }] }[];
      expectIndexWalk(row?.["QUERY PLAN"][0].Plan, sort);
    },
  );

  // The plain list runs as a prepared statement, which PostgreSQL may switch to a generic plan
  // (planned without the values): that plan must walk the index too.
  const shapes = TODO_SORTS.flatMap((sort) =>
    [false, true].flatMap((completed) => [false, true].map((after) => [sort, completed, after])),
  ) as [ListTodosOptions["sort"] & string, boolean, boolean][];
  it.each(shapes)(
    "the prepared sort=%s list (completed: %s, cursor: %s) keeps an index walk as a generic plan",
    async (sort, completed, after) => {
      const p = (name: string) => sql.placeholder(name);
      const query = listTodosQuery(api.database.current.db, {
        userId: p("userId"),
        limit: p("limit"),
        sort,
        completed: completed ? p("completed") : undefined,
        after: after ? { at: p("at"), id: p("afterId") } : undefined,
      }).toSQL();
      const values: Record<string, unknown> = {
        userId: "plan-7",
        limit: 21,
        completed: false,
        at: new Date().toISOString(),
        afterId: "01a20b40-e163-737f-bcc0-8fd78acc81d8",
      };
      const args = query.params.map((param) =>
        param instanceof Placeholder ? values[param.name] : param,
      );
      const plan = await api.database.current.db.transaction(async (tx) => {
        await tx.execute(sql`set local plan_cache_mode = force_generic_plan`);
        await tx.execute(sql.raw(`prepare generic_list as ${query.sql}`));
        const list = args.map((value) => `'${String(value).replaceAll("'", "''")}'`).join(", ");
        const result = await tx.execute(
          sql.raw(`explain (format json) execute generic_list(${list})`),
        );
        await tx.execute(sql`deallocate generic_list`);
        return (result.rows as { "QUERY PLAN": [{ Plan: PlanNode }] }[])[0]?.["QUERY PLAN"][0].Plan;
      });
      expectIndexWalk(plan, sort);
    },
  );
});
