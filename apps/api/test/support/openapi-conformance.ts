import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { createRouter } from "../../src/http/router";
import { buildOpenApiDocument } from "../../src/openapi/document";
import { operations } from "../../src/operations";

type Json = Record<string, unknown>;
const DOC_ID = "https://todo-api.test/openapi.json";

const router = createRouter(operations);
const document = buildOpenApiDocument(operations) as unknown as Json & {
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: DOC_ID, components: document.components });

const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function validatorFor(schema: Json) {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    const absolute = JSON.parse(key.replaceAll('"#/components/', `"${DOC_ID}#/components/`));
    validate = ajv.compile(absolute);
    validators.set(key, validate);
  }
  return validate;
}

const PROBLEM = { $ref: "#/components/schemas/Problem" };

/**
 * Asserts that a response is one the OpenAPI document promises for this method and path: the
 * status is documented, and the body matches the documented schema of its media type.
 */
export async function expectDocumented(method: string, path: string, response: Response) {
  if (method === "OPTIONS") return;
  const pathname = new URL(path, "http://x").pathname;
  const found = router.match(pathname);
  const operation =
    found.kind === "found"
      ? document.paths[found.route.pattern]?.[(method === "HEAD" ? "GET" : method).toLowerCase()]
      : undefined;
  const type = response.headers.get("content-type")?.split(";")[0] ?? "";

  let schema: Json | undefined;
  if (!operation || response.status === 405) {
    // Unknown routes and methods: the problem every route documents.
    expect(response.status, `${method} ${pathname}`).toBeOneOf([404, 405]);
    schema = PROBLEM;
  } else {
    const documented = operation.responses[String(response.status)] as
      | { content?: Record<string, { schema?: Json }> }
      | undefined;
    expect(
      documented,
      `${method} ${pathname} → ${response.status} is not documented`,
    ).toBeDefined();
    if (!documented?.content || method === "HEAD" || response.status === 304) return;
    expect(Object.keys(documented.content), `${method} ${pathname} media type`).toContain(type);
    schema = documented.content[type]?.schema;
  }
  if (!schema || !type.includes("json")) return;
  const body = await response.clone().json();
  const validate = validatorFor(schema);
  expect(
    validate(body),
    `${method} ${pathname} → ${response.status}: ${ajv.errorsText(validate.errors)}`,
  ).toBe(true);
}
