import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PortInUseError, startEmbeddedPostgres } from "../src/embedded";

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
      expect(second.url).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/app`);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
