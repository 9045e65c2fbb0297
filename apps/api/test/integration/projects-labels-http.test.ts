import { LABEL_CURSOR_MAX } from "@repo/contracts/label";
import { NAMED_SORTS, type NamedSort } from "@repo/contracts/list";
import { PROJECT_CURSOR_MAX } from "@repo/contracts/project";
import { describe, expect, it } from "vitest";
import { type TestUser, useApi } from "../support/api";
import { expectForbidden } from "../support/expect-forbidden";
import { expectProblem } from "../support/expect-problem";

// Projects and labels as a client sees them (api.call only, so it runs over HTTP too): what the
// two share is tested on both, table-driven.
const api = useApi();

interface Named {
  id: string;
  name: string;
  createdAt: string;
  version: number;
}

const RESOURCES = [
  { plural: "projects", cursorMax: PROJECT_CURSOR_MAX, nameMax: 100 },
  { plural: "labels", cursorMax: LABEL_CURSOR_MAX, nameMax: 50 },
] as const;

async function create(plural: string, user: TestUser, name: string): Promise<Named> {
  const response = await api.call("POST", `/api/v1/${plural}`, {
    token: user.token,
    json: { name },
  });
  expect(response.status).toBe(201);
  return response.json();
}

async function walk(plural: string, user: TestUser, query: string, between?: () => Promise<void>) {
  const seen: Named[] = [];
  let cursor: string | null = null;
  do {
    const search = `${query}${cursor ? `&cursor=${cursor}` : ""}`;
    const response = await api.call("GET", `/api/v1/${plural}?${search}`, { token: user.token });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { data: Named[]; nextCursor: string | null };
    seen.push(...page.data);
    cursor = page.nextCursor;
    await between?.();
  } while (cursor);
  return seen;
}

const ORDER: Record<NamedSort, (a: Named, b: Named) => number> = {
  // The API compares lower(name) in the database's collation (C.UTF-8 here): code point order.
  name: (a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1),
  createdAt: (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  "-createdAt": (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
};

describe.each(RESOURCES)("/api/v1/$plural", ({ plural, cursorMax, nameMax }) => {
  describe("another user's", () => {
    const routes: [string, string, unknown][] = [
      ["GET", "", undefined],
      ["HEAD", "", undefined],
      ["PUT", "", { name: "hijacked" }],
      ["PATCH", "", { color: "red" }],
      ["DELETE", "", undefined],
      ...(plural === "projects"
        ? [["POST", "/restore", undefined] as [string, string, unknown]]
        : []),
    ];
    it.each(routes)("%s …%s answers 403 and changes nothing", async (method, suffix, json) => {
      const alice = await api.createUser();
      const bob = await api.createUser();
      const bobs = await create(plural, bob, "bob's secret");
      const response = await api.call(method, `/api/v1/${plural}/${bobs.id}${suffix}`, {
        token: alice.token,
        json,
      });
      await expectForbidden(response, method, ["bob's secret", bob.id]);
      const after = await api.call("GET", `/api/v1/${plural}/${bobs.id}`, { token: bob.token });
      expect(await after.json()).toEqual(bobs);
    });

    it("never appears in the caller's list, whatever the sort", async () => {
      const alice = await api.createUser();
      const bob = await api.createUser();
      await create(plural, bob, "bob's");
      for (const sort of NAMED_SORTS) {
        const list = await api.call("GET", `/api/v1/${plural}?sort=${sort}`, {
          token: alice.token,
        });
        expect(await list.json()).toEqual({ data: [], nextCursor: null });
      }
    });

    it("cursor is a 422 in the caller's list", async () => {
      const alice = await api.createUser();
      const bob = await api.createUser();
      for (const name of ["a", "b"]) await create(plural, bob, name);
      const page = await api.call("GET", `/api/v1/${plural}?limit=1`, { token: bob.token });
      const { nextCursor } = await page.json();
      await expectProblem(
        await api.call("GET", `/api/v1/${plural}?limit=1&cursor=${nextCursor}`, {
          token: alice.token,
        }),
        422,
        "validation-error",
      );
    });

    it("cannot be claimed by sending userId or id in the body", async () => {
      const alice = await api.createUser();
      const bob = await api.createUser();
      const response = await api.call("POST", `/api/v1/${plural}`, {
        token: alice.token,
        json: { name: "x", userId: bob.id, id: "0193b6d2-7a4e-7c1a-9f0e-2b6d5f1e8a11" },
      });
      const problem = await expectProblem(response, 422, "validation-error");
      expect(problem.errors?.map((e) => e.path).sort()).toEqual(["id", "userId"]);
    });
  });

  describe("pagination", () => {
    it.each(NAMED_SORTS)(
      "walks sort=%s yielding each exactly once, in order, while others are created",
      async (sort) => {
        const alice = await api.createUser();
        const names = ["delta", "Alpha", "echo", "Charlie", "bravo", "golf", "Foxtrot"];
        const before: Named[] = [];
        for (const name of names) before.push(await create(plural, alice, name));
        let added = 0;
        const seen = await walk(plural, alice, `limit=2&sort=${sort}`, async () => {
          await create(plural, alice, `new ${added++}`);
        });
        const ids = seen.map((item) => item.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const item of before) expect(ids).toContain(item.id);
        expect([...seen].sort(ORDER[sort]).map((item) => item.id)).toEqual(ids);
      },
    );

    it("issues a cursor for the longest name that the list accepts back", async () => {
      const alice = await api.createUser();
      // Control characters are the longest in the cursor's JSON (\u0001: 6 bytes each).
      const long = (last: string) => `${"\u0001".repeat(nameMax - 1)}${last}`;
      for (const last of ["a", "b", "c"]) await create(plural, alice, long(last));
      const first = await api.call("GET", `/api/v1/${plural}?limit=1`, { token: alice.token });
      const { nextCursor } = await first.json();
      expect(nextCursor.length).toBeGreaterThan(plural === "projects" ? 512 : 256);
      expect(nextCursor.length).toBeLessThanOrEqual(cursorMax);
      const second = await api.call("GET", `/api/v1/${plural}?limit=1&cursor=${nextCursor}`, {
        token: alice.token,
      });
      expect(second.status).toBe(200);
      expect((await second.json()).data[0].name).toBe(long("b"));
    });

    it("refuses a cursor of another sort with 422", async () => {
      const alice = await api.createUser();
      for (const name of ["a", "b"]) await create(plural, alice, name);
      const page = await api.call("GET", `/api/v1/${plural}?limit=1`, { token: alice.token });
      const { nextCursor } = await page.json();
      await expectProblem(
        await api.call("GET", `/api/v1/${plural}?limit=1&sort=createdAt&cursor=${nextCursor}`, {
          token: alice.token,
        }),
        422,
        "validation-error",
      );
    });
  });

  describe("conditional requests", () => {
    it("answers If-None-Match with 304 while the ETag matches (weak comparison)", async () => {
      const alice = await api.createUser();
      const item = await create(plural, alice, "a");
      for (const tag of ['"1"', 'W/"1"', '"9", "1"']) {
        const response = await api.call("GET", `/api/v1/${plural}/${item.id}`, {
          token: alice.token,
          headers: { "if-none-match": tag },
        });
        expect(response.status).toBe(304);
        expect(response.headers.get("etag")).toBe('"1"');
      }
      const changed = await api.call("GET", `/api/v1/${plural}/${item.id}`, {
        token: alice.token,
        headers: { "if-none-match": '"2"' },
      });
      expect(changed.status).toBe(200);
    });

    it.each(["PUT", "PATCH"])(
      "%s with a stale or weak If-Match is a 412; with the current tag or * it writes",
      async (method) => {
        const alice = await api.createUser();
        const item = await create(plural, alice, "a");
        const write = (tag: string, name: string) =>
          api.call(method, `/api/v1/${plural}/${item.id}`, {
            token: alice.token,
            json: { name },
            headers: { "if-match": tag },
          });
        expect((await write('"1"', "b")).status).toBe(200);
        await expectProblem(await write('"1"', "c"), 412, "precondition-failed");
        await expectProblem(await write('W/"2"', "c"), 412, "precondition-failed");
        const star = await write("*", "d");
        expect(star.headers.get("etag")).toBe('"3"');
        expect((await star.json()).name).toBe("d");
      },
    );

    it("lets exactly one of 10 concurrent PATCHes with the same If-Match through", async () => {
      const alice = await api.createUser();
      const item = await create(plural, alice, "a");
      const statuses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          api
            .call("PATCH", `/api/v1/${plural}/${item.id}`, {
              token: alice.token,
              json: { name: `n${i}` },
              headers: { "if-match": '"1"' },
            })
            .then((r) => r.status),
        ),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(9);
    });
  });

  describe("Idempotency-Key", () => {
    it("replays the first response for a retry, creating nothing", async () => {
      const alice = await api.createUser();
      const post = () =>
        api.call("POST", `/api/v1/${plural}`, {
          token: alice.token,
          json: { name: "once" },
          headers: { "idempotency-key": "k-1" },
        });
      const first = await post();
      expect(first.status).toBe(201);
      const retry = await post();
      expect(retry.status).toBe(201);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(await retry.json()).toEqual(await first.json());
      const list = await api.call("GET", `/api/v1/${plural}`, { token: alice.token });
      expect((await list.json()).data).toHaveLength(1);
    });

    it("refuses a key used on another route, even with an equal body, never replaying it", async () => {
      const alice = await api.createUser();
      const other = plural === "projects" ? "labels" : "projects";
      const post = (to: string) =>
        api.call("POST", `/api/v1/${to}`, {
          token: alice.token,
          json: { name: "same" },
          headers: { "idempotency-key": "shared" },
        });
      expect((await post(other)).status).toBe(201);
      await expectProblem(await post(plural), 422, "validation-error");
      const list = await api.call("GET", `/api/v1/${plural}`, { token: alice.token });
      expect((await list.json()).data).toEqual([]);
    });
  });
});
