import { createHash, randomUUID } from "node:crypto";
import { Redis as UpstashRedis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, startRedisServer } from "../src/redis-server";
import { startUpstashBridge, type UpstashBridge } from "../src/server";

const TOKEN = "bridge-test-token";
// What @upstash/ratelimit sends: a script whose shebang stock Redis 7.0 refuses.
const FLAGGED = "#!lua flags=allow-key-locking\nreturn {redis.call('INCR', KEYS[1]), ARGV[1], {2}}";
const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

let redis: RedisServer;
let bridge: UpstashBridge;
beforeAll(async () => {
  redis = await startRedisServer();
  bridge = await startUpstashBridge({ redisUrl: redis.url, token: TOKEN });
});
afterAll(async () => {
  await bridge?.close();
  await redis?.stop();
});

const key = () => `bridge-test:${randomUUID()}`;

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${bridge.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("the Upstash REST bridge", () => {
  it("listens on 127.0.0.1 only", () => {
    expect(new URL(bridge.url).hostname).toBe("127.0.0.1");
  });

  it.each([
    ["no Authorization header", {}],
    ["a wrong token", { authorization: "Bearer nope" }],
    ["the token in another scheme", { authorization: `Basic ${TOKEN}` }],
  ])("answers 401 {error} to %s, and runs nothing", async (_, headers) => {
    const k = key();
    const response = await fetch(`${bridge.url}/`, {
      method: "POST",
      headers,
      body: JSON.stringify(["SET", k, "x"]),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Unauthorized" });
    expect(await post("/", ["EXISTS", k])).toEqual({ status: 200, body: { result: 0 } });
  });

  it("runs one command and answers {result}: strings as text, or base64 when asked", async () => {
    const k = key();
    expect(await post("/", ["SET", k, "héllo"])).toEqual({ status: 200, body: { result: "OK" } });
    expect((await post("/", ["GET", k])).body).toEqual({ result: "héllo" });
    expect((await post("/", ["GET", k], { "Upstash-Encoding": "base64" })).body).toEqual({
      result: Buffer.from("héllo").toString("base64"),
    });
    // Integers stay numbers, nil is null, arrays are encoded item by item.
    const base64 = { "Upstash-Encoding": "base64" };
    expect((await post("/", ["STRLEN", k], base64)).body).toEqual({ result: 6 });
    expect((await post("/", ["GET", key()], base64)).body).toEqual({ result: null });
    expect((await post("/", ["MGET", k, key()], base64)).body).toEqual({
      result: [Buffer.from("héllo").toString("base64"), null],
    });
  });

  it("answers a Redis error with 400 {error}", async () => {
    const k = key();
    await post("/", ["SET", k, "text"]);
    expect(await post("/", ["INCR", k])).toEqual({
      status: 400,
      body: { error: "ERR value is not an integer or out of range" },
    });
    expect((await post("/", { not: "a command" })).status).toBe(400);
    // A command that would change the shared connection for everyone is refused.
    expect(await post("/", ["SELECT", "1"])).toEqual({
      status: 400,
      body: { error: "ERR SELECT is not supported by the bridge" },
    });
  });

  it("/pipeline answers one {result} or {error} per command, in order", async () => {
    const k = key();
    const { status, body } = await post(
      "/pipeline",
      [
        ["SET", k, "a"],
        ["INCR", k],
        ["APPEND", k, "b"],
        ["GET", k],
        ["SELECT", "2"],
      ],
      { "Upstash-Encoding": "base64" },
    );
    expect(status).toBe(200);
    expect(body).toEqual([
      { result: Buffer.from("OK").toString("base64") },
      { error: "ERR value is not an integer or out of range" },
      { result: 2 },
      { result: Buffer.from("ab").toString("base64") },
      { error: "ERR SELECT is not supported by the bridge" },
    ]);
  });

  it("/multi-exec runs the commands as one transaction", async () => {
    const k = key();
    const { status, body } = await post("/multi-exec", [
      ["INCR", k],
      ["INCR", k],
      ["LPUSH", k, "x"],
      ["GET", k],
    ]);
    expect(status).toBe(200);
    expect(body).toEqual([
      { result: 1 },
      { result: 2 },
      { error: "WRONGTYPE Operation against a key holding the wrong kind of value" },
      { result: "2" },
    ]);
    // A command Redis refuses while queueing aborts the whole transaction.
    const aborted = await post("/multi-exec", [["INCR", k], ["NOSUCHCOMMAND"]]);
    expect(aborted.status).toBe(400);
    expect(aborted.body).toEqual({ error: expect.stringMatching(/^EXECABORT/) });
    expect((await post("/", ["GET", k])).body).toEqual({ result: "2" });
  });

  it("runs scripts with the allow-key-locking flag, under their original SHA", async () => {
    const k = key();
    expect((await post("/", ["EVALSHA", sha1(FLAGGED), "1", k, "a"])).body).toEqual({
      error: expect.stringMatching(/^NOSCRIPT/),
    });
    expect((await post("/", ["EVAL", FLAGGED, "1", k, "a"])).body).toEqual({
      result: [1, "a", [2]],
    });
    expect((await post("/", ["EVALSHA", sha1(FLAGGED), "1", k, "b"])).body).toEqual({
      result: [2, "b", [2]],
    });

    const other = FLAGGED.replace("{2}", "{3}");
    expect((await post("/", ["SCRIPT", "LOAD", other])).body).toEqual({ result: sha1(other) });
    expect((await post("/", ["SCRIPT", "EXISTS", sha1(other), sha1("nope")])).body).toEqual({
      result: [1, 0],
    });
    expect((await post("/", ["EVALSHA", sha1(other), "1", k, "c"])).body).toEqual({
      result: [3, "c", [3]],
    });
  });

  it("serves @upstash/redis unmodified (base64, auto-pipelining, transactions, scripts)", async () => {
    const client = new UpstashRedis({ url: bridge.url, token: TOKEN, enableTelemetry: false });
    const k = key();
    await client.set(k, { name: "Ada", n: 1 });
    expect(await client.get(k)).toEqual({ name: "Ada", n: 1 });

    const [incremented, appended] = await client
      .multi()
      .incr(`${k}:n`)
      .append(`${k}:s`, "ü")
      .exec();
    expect([incremented, appended]).toEqual([1, 2]);
    expect(await client.pipeline().get(`${k}:n`).get(`${k}:s`).exec()).toEqual([1, "ü"]);
    expect(await client.eval(FLAGGED, [`${k}:lua`], ["x"])).toEqual([1, "x", [2]]);
    expect(await client.evalsha(sha1(FLAGGED), [`${k}:lua`], ["y"])).toEqual([2, "y", [2]]);

    const wrong = new UpstashRedis({ url: bridge.url, token: "nope", retry: { retries: 0 } });
    await expect(wrong.get(k)).rejects.toThrow(/Unauthorized/);
  });
});
