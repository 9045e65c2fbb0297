import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedDatabaseUrl, PortInUseError, startEmbeddedPostgres } from "../src/embedded";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function query(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL", () => {
  const parent = mkdtempSync(path.join(tmpdir(), "todo-embedded-"));
  const dataDir = path.join(parent, "pg");
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it.runIf(process.getuid?.() === 0)(
    "explains, as root, a data folder the postgres user cannot reach",
    async () => {
      // mkdtemp makes a 0700 folder: exactly the case of a checkout under /root.
      await expect(startEmbeddedPostgres({ dataDir, port: await freePort() })).rejects.toThrow(
        /cannot enter .*todo-embedded-/,
      );
      chmodSync(parent, 0o755);
    },
  );

  it("starts on first use, keeps its data across restarts, and refuses a taken port", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, database: "app" });
    try {
      await query(first.url, "create table kept (n int); insert into kept values (7)");
      await expect(startEmbeddedPostgres({ dataDir, port })).rejects.toBeInstanceOf(PortInUseError);
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir, port, database: "app" });
    try {
      expect(await query(second.url, "select n from kept")).toEqual([{ n: 7 }]);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it("listens on 127.0.0.1 alone, with a password it generated on its first start", async () => {
    const port = await freePort();
    const server = await startEmbeddedPostgres({ dataDir, port, database: "app" });
    try {
      const file = `${dataDir}.password`;
      const password = readFileSync(file, "utf8").trim();
      // 32 random bytes, base64url; only its owner may read the file.
      expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(new URL(server.url).password).toBe(password);
      expect(new URL(server.adminUrl).password).toBe(password);
      // What the apps fall back to in development reads the same file.
      expect(new URL(embeddedDatabaseUrl(dataDir)).password).toBe(password);

      expect(await query(server.url, "show listen_addresses")).toEqual([
        { listen_addresses: "127.0.0.1" },
      ]);
      const wrong = new URL(server.url);
      wrong.password = "postgres";
      await expect(query(wrong.toString(), "select 1")).rejects.toThrow(
        /password authentication failed/,
      );
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("moves a server created with the former fixed password to a generated one", async () => {
    const port = await freePort();
    const server = await startEmbeddedPostgres({ dataDir, port, database: "app" });
    const file = `${dataDir}.password`;
    try {
      // As a server from before generated passwords: the fixed one, and no password file.
      await query(server.adminUrl, "alter role postgres password 'postgres'");
    } finally {
      await server.stop();
    }
    rmSync(file);

    const moved = await startEmbeddedPostgres({ dataDir, port, database: "app" });
    try {
      const password = readFileSync(file, "utf8").trim();
      expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await query(moved.url, "select n from kept")).toEqual([{ n: 7 }]);
      const former = new URL(moved.url);
      former.password = "postgres";
      await expect(query(former.toString(), "select 1")).rejects.toThrow(
        /password authentication failed/,
      );
    } finally {
      await moved.stop();
    }
  }, 60_000);
});
