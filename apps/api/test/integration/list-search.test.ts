import { TODO_SORTS, type TodoSort } from "@repo/contracts/todo";
import { todos, user } from "@repo/db/schema";
import { useTestDatabase } from "@repo/db/testing/vitest";
import { type SQLWrapper, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type ListOptions,
  listTodos,
  listTodosQuery,
  SEARCH_WINDOW,
  searchIndexQuery,
  searchWindowQuery,
  sortValueOf,
} from "../../src/todos/queries/list-todos";

const database = useTestDatabase();
const db = () => database.current.db;

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Shared Hit Blocks": number;
  "Shared Read Blocks": number;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

async function analyze(query: SQLWrapper): Promise<PlanNode> {
  const result = await db().execute(sql`explain (analyze, buffers, format json) ${query}`);
  const [row] = result.rows as { "QUERY PLAN": [{ Plan: PlanNode }] }[];
  const plan = row?.["QUERY PLAN"][0].Plan;
  if (!plan) throw new Error("no plan");
  return plan;
}

const BIG = "search-big";
const SMALL = "search-small";

// The fixture of the escaping and case tests, oldest first.
const FIXTURE = [
  "100% done",
  "1000 done",
  "snake_case",
  "snakeXcase",
  "back\\slash",
  "backslash",
  "Buy MILK",
  "milkshake",
  "Oat milk",
  "Kale",
];

describe("searching titles (q)", () => {
  beforeAll(async () => {
    await db()
      .insert(user)
      .values(
        [BIG, SMALL, ...Array.from({ length: 40 }, (_, i) => `search-other-${i}`)].map((id) => ({
          id,
          name: "s",
          email: `${id}@example.test`,
        })),
      );
    // BIG: 20,000 live todos (and 2,222 deleted), far more than SEARCH_WINDOW, newest first by n.
    // One in five is "pay RENT" (a common q); "Renew passport" is rare (twelve, one of them among
    // the newest thousand). No milk at all, while other users have thousands of milk todos.
    await db().execute(sql`
      insert into todos (id, user_id, title, completed, created_at, updated_at, deleted_at)
      select gen_random_uuid(), ${BIG},
             case when n % 2000 = 7 then 'Renew passport'
                  else (array['Call dentist', 'pay RENT', 'Water plants', 'Book flight', 'Fix bike'])[1 + n % 5]
             end || ' #' || n,
             n % 3 = 0,
             now() - n * interval '1 second', now() - (n % 997) * interval '1 second',
             case when n % 10 = 0 then now() end
      from generate_series(1, 22222) as n`);
    await db().execute(sql`
      insert into todos (id, user_id, title, created_at, updated_at)
      select gen_random_uuid(), 'search-other-' || (n % 40),
             case when n % 5 = 0 then 'Buy milk' else 'Call mum' end || ' #' || n,
             now() - n * interval '1 second', now()
      from generate_series(1, 20000) as n`);
    const start = Date.now() - 60_000;
    await db()
      .insert(todos)
      .values(
        FIXTURE.map((title, i) => {
          const at = new Date(start + i * 1000);
          return { userId: SMALL, title, createdAt: at, updatedAt: at };
        }),
      );
    // New GIN entries wait in the index's pending list (up to 256 kB) until merged; merge them, so
    // the buffer counts below do not depend on where the last flush fell.
    await db().execute(sql`select gin_clean_pending_list('todos_user_live_title_trgm_idx')`);
    await db().execute(sql`analyze todos`);
  });

  it("finds no match among 20,000 todos through the trigram index, reading a bounded number of rows and buffers", async () => {
    const options = { userId: BIG, limit: 21, q: "xyzzy" };
    const window = await analyze(searchWindowQuery(db(), options));
    const index = await analyze(searchIndexQuery(db(), options));
    const all = [...nodes(window), ...nodes(index)];
    expect(all.map((n) => n["Node Type"])).not.toContain("Seq Scan");
    for (const node of all) expect(node["Actual Rows"]).toBeLessThanOrEqual(SEARCH_WINDOW);
    expect(nodes(index).find((n) => n["Node Type"] === "Bitmap Index Scan")?.["Index Name"]).toBe(
      "todos_user_live_title_trgm_idx",
    );
    const buffers = (plan: PlanNode) => plan["Shared Hit Blocks"] + plan["Shared Read Blocks"];
    // The owner's 22,222 rows fill about 300 heap pages; a walk of all of them reads more still.
    expect(buffers(window) + buffers(index)).toBeLessThan(100);
  });

  it("reads none of other users' matches for a q common among theirs (milk) but absent from the owner's", async () => {
    // The index is keyed by owner; and the subquery fence keeps the planner on it although it
    // judges "milk" common from all users' titles.
    const plan = await analyze(searchIndexQuery(db(), { userId: BIG, limit: 21, q: "milk" }));
    const scan = nodes(plan).find((n) => n["Node Type"] === "Bitmap Index Scan");
    expect(scan?.["Index Name"]).toBe("todos_user_live_title_trgm_idx");
    expect(scan?.["Actual Rows"]).toBe(0); // 4,000 milk todos of other users stay in the index
  });

  // Against the one-statement query (a plain ILIKE filter over the owner's list) as the reference.
  // "rent" fills its page within the first SEARCH_WINDOW rows; the others need the second step.
  const searches = ["xyzzy", "milk", "rent", "RENT", "passport", "Renew PASSPORT #1", "#1999"];
  // The position of the owner's 5,000th live todo in `sort` order, to continue a search after.
  const middle = async (sort: TodoSort) => {
    const rows = await listTodosQuery(db(), { userId: BIG, sort, limit: 5000 });
    const row = rows.at(-1);
    if (!row) throw new Error("no row to continue after");
    return { at: sortValueOf(row, sort), id: row.id };
  };
  const cases = TODO_SORTS.flatMap((sort) => searches.map((q) => [sort, q] as const));

  it.each(cases)("sort=%s, q=%s: returns the pages one ILIKE scan returns", async (sort, q) => {
    const base = { userId: BIG, sort, q };
    const variants: ListOptions[] = [
      { ...base, limit: 21 },
      { ...base, limit: 3 },
      { ...base, limit: 21, completed: true },
      { ...base, limit: 21, after: await middle(sort) },
    ];
    for (const options of variants) {
      const expected = await listTodosQuery(db(), options);
      expect(await listTodos(db(), options)).toEqual(expected);
    }
  });

  it("exercises both steps: a common q is answered within the window, a rare one is not", async () => {
    const page = (q: string) => searchWindowQuery(db(), { userId: BIG, limit: 21, q });
    expect(await page("rent")).toHaveLength(21);
    expect(await page("passport")).toHaveLength(1);
    expect(await listTodos(db(), { userId: BIG, limit: 21, q: "passport" })).toHaveLength(12);
  });

  it.each([
    ["100%", ["100% done"]],
    ["0%", ["100% done"]],
    ["%", ["100% done"]],
    ["snake_case", ["snake_case"]],
    ["_", ["snake_case"]],
    ["back\\slash", ["back\\slash"]],
    ["\\", ["back\\slash"]],
    ["MILK", ["Oat milk", "milkshake", "Buy MILK"]],
    ["milk", ["Oat milk", "milkshake", "Buy MILK"]],
    ["Mi", ["Oat milk", "milkshake", "Buy MILK"]],
    ["ak", ["milkshake", "snakeXcase", "snake_case"]],
    [
      "K",
      [
        "Kale",
        "Oat milk",
        "milkshake",
        "Buy MILK",
        "backslash",
        "back\\slash",
        "snakeXcase",
        "snake_case",
      ],
    ],
    ["done", ["1000 done", "100% done"]],
  ])("q=%s matches %j: case-insensitive, with %, _ and \\ as themselves", async (q, expected) => {
    const rows = await listTodos(db(), { userId: SMALL, limit: 21, q });
    expect(rows.map((t) => t.title)).toEqual(expected);
  });
});
