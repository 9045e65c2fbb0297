import { testDriver } from "@repo/db/testing/vitest";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type TestUser, useApi } from "../support/api";
import { type ConfiguredCallOptions, configuredApi } from "../support/configured-api";
import { expectProblem } from "../support/expect-problem";

const api = useApi();
const db = () => api.database.current.db;

/** What differs between the two capped kinds: their route, their limit, their problem, their count. */
const KINDS = [
  {
    plural: "projects",
    limitKey: "projectLimitPerUser",
    problem: "project-limit-reached",
    counted: "live projects",
    counts: "project_counts",
    // Soft-deleted projects do not count.
    live: (userId: string) =>
      sql`select count(*)::int as n from projects where user_id = ${userId} and deleted_at is null`,
  },
  {
    plural: "labels",
    limitKey: "labelLimitPerUser",
    problem: "label-limit-reached",
    counted: "labels",
    counts: "label_counts",
    live: (userId: string) => sql`select count(*)::int as n from labels where user_id = ${userId}`,
  },
] as const;
type Kind = (typeof KINDS)[number];

/** The API with a small per-user cap on `kind`, in-process (the cap is configuration, not a request). */
function capped(kind: Kind, limit: number) {
  const call = configuredApi({ ...api.deps(), [kind.limitKey]: limit });
  return (method: string, path: string, owner: TestUser, options?: ConfiguredCallOptions) =>
    call(method, path, owner.token, options);
}
type Call = ReturnType<typeof capped>;

/** The names of the owner's live rows of `kind`, sorted. */
async function liveNames(call: Call, kind: Kind, owner: TestUser): Promise<string[]> {
  const response = await call("GET", `/api/v1/${kind.plural}?limit=100`, owner);
  expect(response.status).toBe(200);
  const page = (await response.json()) as { data: { name: string }[] };
  return page.data.map((row) => row.name).sort();
}

async function create(call: Call, kind: Kind, owner: TestUser, name: string): Promise<string> {
  const response = await call("POST", `/api/v1/${kind.plural}`, owner, { json: { name } });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The owner's count row next to what the table holds: the two must agree after every request. */
async function expectCountRight(kind: Kind, owner: TestUser) {
  const counted = await db().execute<{ live: number }>(
    sql`select live from ${sql.identifier(kind.counts)} where user_id = ${owner.id}`,
  );
  const actual = await db().execute<{ n: number }>(kind.live(owner.id));
  expect(Number(counted.rows[0]?.live)).toBe(Number(actual.rows[0]?.n));
}

describe.each(KINDS)(`the per-user cap on $plural (driver: ${testDriver()})`, (kind) => {
  it(`refuses a create at the cap with 409 ${kind.problem}, writing nothing; a delete makes room`, async () => {
    const call = capped(kind, 3);
    const ada = await api.createUser();
    const bob = await api.createUser();
    const ids = [];
    for (const name of ["a", "b", "c"]) ids.push(await create(call, kind, ada, name));
    const refused = await call("POST", `/api/v1/${kind.plural}`, ada, { json: { name: "d" } });
    const problem = await expectProblem(refused, 409, kind.problem);
    expect(problem.detail).toBe(
      `You have 3 ${kind.counted}, the most allowed; delete one before adding another.`,
    );
    expect(await liveNames(call, kind, ada)).toEqual(["a", "b", "c"]);
    await expectCountRight(kind, ada);
    // Another user's rows are not the caller's.
    await create(call, kind, bob, "x");
    // A name already taken changes nothing either: the count does not move.
    expect((await call("DELETE", `/api/v1/${kind.plural}/${ids[0]}`, ada)).status).toBe(204);
    await expectCountRight(kind, ada);
    await expectProblem(
      await call("POST", `/api/v1/${kind.plural}`, ada, { json: { name: "B" } }),
      409,
      "name-taken",
    );
    await create(call, kind, ada, "d");
    expect(await liveNames(call, kind, ada)).toEqual(["b", "c", "d"]);
    await expectCountRight(kind, ada);
  });

  it("ends exactly at the cap when 10 creates race for 3 places", async () => {
    const call = capped(kind, 5);
    const ada = await api.createUser();
    await create(call, kind, ada, "first");
    await create(call, kind, ada, "second");
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call("POST", `/api/v1/${kind.plural}`, ada, { json: { name: `race-${i}` } }).then(
          (response) => response.status,
        ),
      ),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(7);
    expect(await liveNames(call, kind, ada)).toHaveLength(5);
    await expectCountRight(kind, ada);
  });

  it("still answers an Idempotency-Key replay at the cap, and refuses a new key", async () => {
    const call = capped(kind, 1);
    const ada = await api.createUser();
    const path = `/api/v1/${kind.plural}`;
    const first = await call("POST", path, ada, { json: { name: "once" }, key: "key-1" });
    expect(first.status).toBe(201);
    const replay = await call("POST", path, ada, { json: { name: "once" }, key: "key-1" });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    await expectProblem(
      await call("POST", path, ada, { json: { name: "twice" }, key: "key-2" }),
      409,
      kind.problem,
    );
    expect(await liveNames(call, kind, ada)).toEqual(["once"]);
    await expectCountRight(kind, ada);
  });

  it("keeps the count right when the account is deleted (its count row goes with it)", async () => {
    const call = capped(kind, 2);
    const ada = await api.createUser();
    await create(call, kind, ada, "a");
    const countRow = () =>
      db().execute(sql`select live from ${sql.identifier(kind.counts)} where user_id = ${ada.id}`);
    expect((await countRow()).rows).toEqual([{ live: 1 }]);
    expect((await call("DELETE", "/api/v1/me", ada)).status).toBe(204);
    expect((await countRow()).rows).toEqual([]);
  });
});

describe(`restoring a project under the cap (driver: ${testDriver()})`, () => {
  const kind = KINDS[0];

  it("refuses a restore past the cap with 409 project-limit-reached, the project staying deleted", async () => {
    const call = capped(kind, 2);
    const ada = await api.createUser();
    const a = await create(call, kind, ada, "a");
    await create(call, kind, ada, "b");
    expect((await call("DELETE", `/api/v1/projects/${a}`, ada)).status).toBe(204);
    const c = await create(call, kind, ada, "c");
    const refused = await call("POST", `/api/v1/projects/${a}/restore`, ada);
    const problem = await expectProblem(refused, 409, "project-limit-reached");
    expect(problem.detail).toMatch(/2 live projects/);
    expect(await liveNames(call, kind, ada)).toEqual(["b", "c"]);
    await expectCountRight(kind, ada);
    expect((await call("DELETE", `/api/v1/projects/${c}`, ada)).status).toBe(204);
    expect((await call("POST", `/api/v1/projects/${a}/restore`, ada)).status).toBe(200);
    expect(await liveNames(call, kind, ada)).toEqual(["a", "b"]);
    await expectCountRight(kind, ada);
  });

  it("returns a live project unchanged at the cap (200, same version)", async () => {
    const call = capped(kind, 1);
    const ada = await api.createUser();
    const id = await create(call, kind, ada, "only");
    const before = await (await call("GET", `/api/v1/projects/${id}`, ada)).json();
    const restored = await call("POST", `/api/v1/projects/${id}/restore`, ada);
    expect(restored.status).toBe(200);
    expect(await restored.json()).toEqual(before);
    await expectCountRight(kind, ada);
  });

  it("leaves the count alone when a restore is refused as name-taken", async () => {
    const call = capped(kind, 3);
    const ada = await api.createUser();
    const a = await create(call, kind, ada, "a");
    expect((await call("DELETE", `/api/v1/projects/${a}`, ada)).status).toBe(204);
    await create(call, kind, ada, "A");
    await expectProblem(
      await call("POST", `/api/v1/projects/${a}/restore`, ada),
      409,
      "name-taken",
    );
    await expectCountRight(kind, ada);
    await create(call, kind, ada, "b");
    await create(call, kind, ada, "c");
    await expectCountRight(kind, ada);
  });

  it("ends exactly at the cap when restores and creates race", async () => {
    const call = capped(kind, 3);
    const ada = await api.createUser();
    const ids = [];
    for (const name of ["d0", "d1", "d2"]) ids.push(await create(call, kind, ada, name));
    for (const id of ids) await call("DELETE", `/api/v1/projects/${id}`, ada);
    const racers = [
      ...ids.map((id) => call("POST", `/api/v1/projects/${id}/restore`, ada)),
      ...[0, 1, 2].map((i) => call("POST", "/api/v1/projects", ada, { json: { name: `n${i}` } })),
    ];
    const statuses = (await Promise.all(racers)).map((response) => response.status);
    expect(statuses.filter((status) => status === 409)).toHaveLength(3);
    expect(await liveNames(call, kind, ada)).toHaveLength(3);
    await expectCountRight(kind, ada);
  });
});

/** Until `n` sessions of this database wait on a lock (a condition polled, not a delay). */
async function lockWaiters(n: number) {
  for (let polls = 0; polls < 2_000; polls++) {
    const result = await db().execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (Number(result.rows[0]?.n) >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${n} sessions never waited on a lock`);
}

// A create waits on the delete of a row of the same name (the unique index), and both move the
// user's count: each must take the count row before the rows, or they could wait on each
// other (a deadlock: one of them would be a 500). The test's own transaction holds a lock the
// delete needs midway (a todo in the project, a label's link), so the delete has done its
// first writes when the create arrives; then it lets go.
describe.each(KINDS)(
  `a create of the name a delete is freeing ($plural, driver: ${testDriver()})`,
  (kind) => {
    it("waits for the delete, then succeeds (204, then 201), the count right", async () => {
      const call = capped(kind, 10);
      const ada = await api.createUser();
      const id = await create(call, kind, ada, "x");
      const ref = kind.plural === "projects" ? { projectId: id } : { labelIds: [id] };
      const todo = await call("POST", "/api/v1/todos", ada, { json: { title: "t", ...ref } });
      expect(todo.status).toBe(201);
      const todoId = ((await todo.json()) as { id: string }).id;
      let deleted: Promise<Response> | undefined;
      let created: Promise<Response> | undefined;
      await db().transaction(async (tx) => {
        await tx.execute(
          kind.plural === "projects"
            ? sql`select 1 from todos where id = ${todoId} for update`
            : sql`select 1 from todo_labels where todo_id = ${todoId} for update`,
        );
        deleted = call("DELETE", `/api/v1/${kind.plural}/${id}`, ada);
        await lockWaiters(1);
        created = call("POST", `/api/v1/${kind.plural}`, ada, { json: { name: "x" } });
        await lockWaiters(2);
      });
      expect((await deleted)?.status).toBe(204);
      const answer = await created;
      expect(answer?.status, await answer?.clone().text()).toBe(201);
      expect(await liveNames(call, kind, ada)).toEqual(["x"]);
      await expectCountRight(kind, ada);
    });
  },
);
