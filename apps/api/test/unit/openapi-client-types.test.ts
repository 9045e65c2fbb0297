import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import ts from "typescript";
import { afterAll, expect, it } from "vitest";
import { buildOpenApiDocument } from "../../src/openapi/document";
import { operations } from "../../src/operations";

// A client written against types that openapi-typescript generates from the document, with its
// default options, as an external client author would. Each `@ts-expect-error` line must fail
// to compile: an unused one is itself an error, so looser types fail this test too.
const CLIENT = `
import type { components, paths } from "./api";

type Todo = components["schemas"]["Todo"];
type Problem = components["schemas"]["Problem"];
type Todos = paths["/api/v1/todos"];
type TodoItem = paths["/api/v1/todos/{id}"];
type CreateBody = Todos["post"]["requestBody"]["content"]["application/json"];
type CreateHeaders = NonNullable<Todos["post"]["parameters"]["header"]>;
type ListQuery = NonNullable<Todos["get"]["parameters"]["query"]>;
type ListPage = Todos["get"]["responses"][200]["content"]["application/json"];
type PatchBody = TodoItem["patch"]["requestBody"]["content"]["application/merge-patch+json"];
type PatchHeaders = NonNullable<TodoItem["patch"]["parameters"]["header"]>;

interface Reply { status: number; json(): Promise<unknown> }
declare function send(method: string, url: string, headers: object, body?: unknown): Promise<Reply>;

async function createTodo(body: CreateBody, headers: CreateHeaders = {}): Promise<Todo> {
  const reply = await send("POST", "/api/v1/todos", headers, body);
  return (await reply.json()) as Todos["post"]["responses"][201]["content"]["application/json"];
}

async function listTodos(query: ListQuery): Promise<ListPage> {
  const search = Object.entries(query)
    // A list-valued parameter (labelId) repeats: labelId=a&labelId=b.
    .flatMap(([name, value]) =>
      value === undefined ? [] : [value].flat().map((v) => \`\${name}=\${encodeURIComponent(v)}\`),
    )
    .join("&");
  return (await (await send("GET", \`/api/v1/todos?\${search}\`, {})).json()) as ListPage;
}

async function patchTodo(id: string, body: PatchBody, headers: PatchHeaders): Promise<Todo | Problem> {
  const reply = await send("PATCH", \`/api/v1/todos/\${id}\`, headers, body);
  return (await reply.json()) as
    | TodoItem["patch"]["responses"][200]["content"]["application/json"]
    | TodoItem["patch"]["responses"][412]["content"]["application/problem+json"];
}

export async function walkthrough(): Promise<void> {
  const todo = await createTodo({ title: "Buy milk" });
  await createTodo({ title: "Call mum", completed: true }, { "Idempotency-Key": "k-1" });
  await createTodo({ title: "Read", description: null });
  // @ts-expect-error: title is required
  await createTodo({ completed: true });
  // @ts-expect-error: unknown fields are refused, so id cannot be assigned
  await createTodo({ title: "x", id: todo.id });

  const first = await listTodos({ limit: 50, sort: "-updatedAt", completed: "false" });
  const next: string | null = first.nextCursor;
  if (next !== null) await listTodos({ cursor: next, q: "milk" });
  await listTodos({ labelId: [todo.id], projectId: "none", sort: "dueAt", priority: "high" });
  // @ts-expect-error: priority is a level's name
  await listTodos({ priority: 4 });
  const titles: string[] = first.data.map((t) => t.title);
  // @ts-expect-error: limit is a number
  await listTodos({ limit: "50" });

  const version: number = todo.version;
  const description: string | null = todo.description;
  const changed = await patchTodo(todo.id, { completed: true }, { "If-Match": \`"\${version}"\` });
  if ("status" in changed) {
    const status: number = changed.status;
    const type: string = changed.type;
    void [status, type];
  }
  // @ts-expect-error: completed is a boolean
  await patchTodo(todo.id, { completed: "true" }, {});
  void [titles, description];
}
`;

const dir = await mkdtemp(path.join(tmpdir(), "openapi-client-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

it("types a client that creates with only a title, lists with a cursor and patches with If-Match", async () => {
  const document = buildOpenApiDocument(operations) as unknown as OpenAPI3;
  await writeFile(path.join(dir, "api.ts"), astToString(await openapiTS(document)));
  const client = path.join(dir, "client.ts");
  await writeFile(client, CLIENT);

  const program = ts.createProgram([client], {
    strict: true,
    noEmit: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts"],
    types: [],
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const file = diagnostic.file ? path.basename(diagnostic.file.fileName) : "";
    return `${file}:${(where?.line ?? 0) + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
  expect(diagnostics).toEqual([]);
}, 60_000);
