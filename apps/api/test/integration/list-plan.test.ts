import { TODO_SORTS } from "@repo/contracts/todo";
import type { Database } from "@repo/db/client";
import { user } from "@repo/db/schema";
import { type SQLWrapper, sql } from "drizzle-orm";
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
      const plan = row?.["QUERY PLAN"][0].Plan;
      if (!plan) throw new Error("no plan");
      const types = nodes(plan).map((n) => n["Node Type"]);
      expect(types).not.toContain("Sort");
      expect(types).not.toContain("Seq Scan");
      const index = sort.endsWith("createdAt")
        ? "todos_user_live_created_idx"
        : "todos_user_live_updated_idx";
      expect(nodes(plan).some((n) => n["Index Name"] === index)).toBe(true);
    },
  );
});
