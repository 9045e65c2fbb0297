import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

// `pnpm lint` runs this script on the generated document; a linter that exits 0 after finding
// an error would let any document through, so feed it one that is broken for both.
const SCRIPT = fileURLToPath(new URL("../../scripts/lint-openapi.ts", import.meta.url));

const BROKEN = {
  openapi: "3.1.0",
  info: { title: "broken", version: "1" },
  security: [{ bearerAuth: [] }],
  paths: {
    "/things": {
      get: {
        responses: {
          "200": {
            description: "A thing, with no rate-limit headers.",
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/Missing" } },
            },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
    schemas: { Name: { type: "string" } },
  },
};

const dir = await mkdtemp(path.join(tmpdir(), "openapi-lint-test-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

function lint(file: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", SCRIPT, file],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
    );
  });
}

it("exits non-zero, naming each linter's errors, when the document is broken", async () => {
  const file = path.join(dir, "broken.json");
  await writeFile(file, JSON.stringify(BROKEN));
  const { code, output } = await lint(file);
  expect(code).toBe(1);
  expect(output).toContain("── redocly lint: failed (exit 1)");
  expect(output).toContain("no-unresolved-refs");
  expect(output).toContain("── spectral lint: failed (exit 1)");
  // The OWASP ruleset and this API's own rules are loaded, not only spectral:oas.
  expect(output).toContain("owasp:api4:2023-string-limit");
  expect(output).toContain("todo-api-rate-limit-headers");
}, 120_000);
