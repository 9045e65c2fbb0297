import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiEntry, webEntry } from "../../src/entries";

describe("the standalone entries", () => {
  let root: string;
  const put = (file: string) => {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, "");
    return full;
  };
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "topology-entries-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("fails naming the missing file and `pnpm build` when there is no build", () => {
    expect(() => apiEntry("node", root)).toThrow(
      "apps/api/.next/standalone/apps/api/dist/node-host.mjs is missing: run `pnpm build` first",
    );
    expect(() => webEntry(root)).toThrow(
      "apps/web/.next/standalone/apps/web/server.js is missing: run `pnpm build` first",
    );
  });

  it("runs each API host from its dist file, in the app's standalone folder", () => {
    const script = put("apps/api/.next/standalone/apps/api/dist/next-host.mjs");
    expect(apiEntry("next", root)).toEqual({ script, cwd: path.dirname(path.dirname(script)) });
  });

  it("runs the web app on Next's server.js, or on its own host once the build has one", () => {
    const server = put("apps/web/.next/standalone/apps/web/server.js");
    expect(webEntry(root).script).toBe(server);
    const host = put("apps/web/.next/standalone/apps/web/dist/web-host.mjs");
    expect(webEntry(root)).toEqual({ script: host, cwd: path.dirname(server) });
  });
});
