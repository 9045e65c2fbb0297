import { readFile } from "node:fs/promises";
import path from "node:path";
import getAbsoluteFSPath from "swagger-ui-dist/absolute-path.js";
import { ApiError } from "../http/problem";
import { json } from "../http/respond";
import type { RequestContext } from "../http/route";
import { buildOpenApiDocument } from "./document";

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

// GET /api/v1/openapi.json — the OpenAPI 3.1 document, built once from the shared schemas
export async function openApiHandler(): Promise<Response> {
  document ??= buildOpenApiDocument();
  return json(document);
}

// The reference is Swagger UI, served from the swagger-ui-dist package: nothing from a CDN.
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>todo-api — API reference</title>
  <link rel="stylesheet" href="/api/v1/docs/swagger-ui.css">
</head>
<body>
  <div id="reference"></div>
  <script src="/api/v1/docs/swagger-ui-bundle.js"></script>
  <script src="/api/v1/docs/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({
  url: "/api/v1/openapi.json",
  dom_id: "#reference",
  deepLinking: true,
  tryItOutEnabled: false,
  persistAuthorization: false,
});
`;

// Scripts and styles of this origin only; Swagger UI sets inline styles and shows data: images.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// GET /api/v1/docs — the interactive API reference, rendered from openapi.json
export async function docsHandler(): Promise<Response> {
  return new Response(PAGE, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": CSP },
  });
}

const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

// GET /api/v1/docs/{asset} — the reference's script and style sheet
export async function docsAssetHandler({ params }: RequestContext): Promise<Response> {
  const name = params.asset ?? "";
  if (name === "init.js")
    return new Response(INIT, { headers: { "Content-Type": "text/javascript; charset=utf-8" } });
  const type = ASSETS[name];
  if (!type) throw new ApiError("not-found", "No such file.");
  const body = await readFile(path.join(getAbsoluteFSPath(), name));
  return new Response(body, { headers: { "Content-Type": type } });
}
