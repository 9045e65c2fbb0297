import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const rootPackage = JSON.parse(read("package.json")) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

// The project brings its own Node 24 (the npm package `node`, a root devDependency): whatever
// node runs pnpm, every script, test and server must run on that one.
describe("the Node runtime", () => {
  it("runs this test suite on Node 24", () => {
    expect(process.version).toMatch(/^v24\./);
  });

  it("is the same version in .node-version, the `node` devDependency and pnpm's nodeVersion", () => {
    const pinned = read(".node-version").trim();
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    expect(rootPackage.devDependencies.node).toBe(pinned);
    expect(read("pnpm-workspace.yaml")).toContain(`nodeVersion: ${pinned}`);
    expect(process.version).toBe(`v${pinned}`);
  });

  it("is what `node` means inside pnpm scripts (node_modules/.bin/node), and what engines asks for", () => {
    const binary = path.join(root, "node_modules/.bin/node");
    const version = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
    expect(version).toBe(`v${read(".node-version").trim()}`);
    expect(rootPackage.engines.node).toMatch(/^>=24\./);
  });
});
