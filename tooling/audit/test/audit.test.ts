import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { auditProduction } from "../src/audit";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** A registry answering pnpm's audit request as told. */
async function fakeRegistry(answer: (response: http.ServerResponse) => void) {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => answer(response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const report = (severity: string) => (response: http.ServerResponse) => {
  const advisory = {
    id: 1,
    title: "A test advisory",
    module_name: "zod",
    severity,
    vulnerable_versions: "<99",
    patched_versions: ">=99",
    url: "https://example.test/advisories/1",
    findings: [{ version: "4.0.0", paths: ["zod"] }],
    cves: [],
    cwe: [],
    recommendation: "Upgrade",
    overview: "A test advisory.",
    github_advisory_id: "GHSA-test-test-test",
  };
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, [severity]: 1 };
  response.writeHead(200, { "content-type": "application/json" });
  response.end(
    JSON.stringify({
      actions: [],
      advisories: { "1": advisory },
      muted: [],
      metadata: {
        vulnerabilities: counts,
        dependencies: 1,
        devDependencies: 0,
        optionalDependencies: 0,
        totalDependencies: 1,
      },
    }),
  );
};

it("fails on a high or critical advisory", { timeout: 60_000 }, async () => {
  for (const severity of ["high", "critical"]) {
    const registry = await fakeRegistry(report(severity));
    expect((await auditProduction({ cwd: ROOT, registry })).kind).toBe("vulnerable");
  }
});

it("passes with a moderate advisory only", { timeout: 60_000 }, async () => {
  const registry = await fakeRegistry(report("moderate"));
  expect((await auditProduction({ cwd: ROOT, registry })).kind).toBe("clean");
});

it("says it skipped when the audit endpoint refuses or is not there", {
  timeout: 60_000,
}, async () => {
  const registry = await fakeRegistry((response) => {
    response.writeHead(405);
    response.end();
  });
  const refused = await auditProduction({ cwd: ROOT, registry });
  expect(refused).toMatchObject({ kind: "unreachable" });
  expect(await auditProduction({ cwd: ROOT, registry: "http://127.0.0.1:1/" })).toMatchObject({
    kind: "unreachable",
  });
});
