// Lints the OpenAPI document with Redocly (redocly.yaml: `recommended`) and Spectral
// (.spectral.yaml: spectral:oas and the OWASP ruleset), offline. Exits non-zero when either
// linter reports an error or fails to run.
//
//   tsx scripts/lint-openapi.ts              the document generated from src/operations.ts
//   tsx scripts/lint-openapi.ts doc.json     any other document (the lint test feeds a broken one)
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const app = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(app, "node_modules", ".bin", name);

// Redocly's end-of-life notice for Node 20 is a box drawn on stderr; it says nothing of the document.
const BANNER = /^\s*[╔║╚]/;

interface Run {
  name: string;
  code: number | null;
  output: string;
}

function run(name: string, command: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      // Spectral resolves the OWASP ruleset from the working directory's node_modules.
      cwd: app,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ name, code: null, output: String(error) }));
    child.on("close", (code) => resolve({ name, code, output }));
  });
}

async function generatedDocument(dir: string): Promise<string> {
  const { buildOpenApiDocument } = await import("../src/openapi/document");
  const { operations } = await import("../src/operations");
  const file = path.join(dir, "openapi.json");
  await writeFile(file, JSON.stringify(buildOpenApiDocument(operations), null, 2));
  return file;
}

const dir = await mkdtemp(path.join(tmpdir(), "todo-api-openapi-"));
try {
  const document = process.argv[2] ? path.resolve(process.argv[2]) : await generatedDocument(dir);
  const results = await Promise.all([
    run("redocly lint", bin("redocly"), ["lint", "--config", "redocly.yaml", document]),
    run("spectral lint", bin("spectral"), [
      "lint",
      "--ruleset",
      ".spectral.yaml",
      "--fail-severity",
      "error",
      "--fail-on-unmatched-globs",
      "--format",
      "text",
      document,
    ]),
  ]);
  for (const { name, code, output } of results) {
    const text = output
      .split("\n")
      .filter((line) => !BANNER.test(line))
      .join("\n")
      .trim();
    console.log(`── ${name}: ${code === 0 ? "no errors" : `failed (exit ${code})`}`);
    if (text) console.log(text);
  }
  process.exitCode = results.every((result) => result.code === 0) ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
