import { describe, expect, it } from "vitest";
import { useApi } from "../support/api";

const api = useApi();

const big = "9".repeat(400);
const paths = [
  `/api/v1/todos/${"a".repeat(5000)}`,
  "/api/v1/todos/%00",
  "/api/v1/todos/%F0%9F%98%80",
  "/api/v1/todos/ffffffff-ffff-ffff-ffff-ffffffffffff",
  `/api/v1/todos?limit=${big}`,
  "/api/v1/todos?limit=-1",
  "/api/v1/todos?q=%00",
  "/api/v1/todos?q=%ED%A0%80",
  `/api/v1/todos?cursor=${"A".repeat(600)}`,
  `/api/v1/todos?cursor=${Buffer.from('{"p":["2026-13-45T99:99:99.999Z","00000000-0000-7000-8000-000000000000"],"c":"x"}').toString("base64url")}`,
  "/api/v1/todos?sort=%00",
  "/api/v1/todos?completed[]=true",
];
const headers: Record<string, string>[] = [
  { "if-match": `"${big}"` },
  { "if-match": `${'"1", '.repeat(2000)}"1"` },
  { "if-none-match": `W/"${big}"` },
  { "idempotency-key": "k".repeat(5000) },
  { "x-request-id": "\u00ff".repeat(10) },
];
const bodies = [
  "[".repeat(30_000),
  `{"title":${"[".repeat(10_000)}${"]".repeat(10_000)}}`,
  '{"title":"a","description":{"nested":true}}',
  '{"__proto__":{"admin":true},"title":"a"}',
  '{"constructor":{"prototype":{}},"title":"a"}',
  '{"title":"a","title":"b"}',
  `{"title":"${"\\u0000".repeat(10)}"}`,
  `{"title":${big}}`,
];

// Whatever a client sends, the answer is a 2xx, 3xx or a 4xx problem: never a 500.
describe("hostile input", () => {
  it.each(paths)("GET %s is never a 5xx", async (path) => {
    const alice = await api.createUser();
    const response = await api.call("GET", path, { token: alice.token });
    expect(response.status).toBeLessThan(500);
  });

  it.each(headers.map((h) => [Object.keys(h)[0], h] as const))(
    "an oversized or odd %s header is never a 5xx",
    async (_, extra) => {
      const alice = await api.createUser();
      const created = await api.call("POST", "/api/v1/todos", {
        token: alice.token,
        json: { title: "a" },
      });
      const { id } = await created.json();
      for (const method of ["GET", "PATCH", "DELETE"]) {
        const response = await api.call(method, `/api/v1/todos/${id}`, {
          token: alice.token,
          headers: extra,
          json: method === "PATCH" ? { completed: true } : undefined,
        });
        expect(response.status, method).toBeLessThan(500);
      }
    },
  );

  it.each(bodies.map((b) => [b.slice(0, 40), b] as const))(
    "body %s… is never a 5xx",
    async (_, body) => {
      const alice = await api.createUser();
      const response = await api.call("POST", "/api/v1/todos", {
        token: alice.token,
        body,
        headers: { "content-type": "application/json", "idempotency-key": "hostile" },
      });
      expect(response.status).toBeLessThan(500);
    },
  );
});
