import { readFile } from "node:fs/promises";
import path from "node:path";
import getAbsoluteFSPath from "swagger-ui-dist/absolute-path.js";
import { z } from "zod";
import { defineOperation, type Operation } from "../http/operation";
import { buildOpenApiDocument } from "./document";

const documents = new WeakMap<readonly Operation[], string>();

// GET /api/v1/openapi.json — the OpenAPI 3.1 document, built once from the served operations
export const openApiOperation = defineOperation({
  method: "GET",
  path: "/api/v1/openapi.json",
  auth: "public",
  operationId: "getOpenApiDocument",
  tag: "meta",
  summary: "This document",
  description: "OpenAPI 3.1, generated from the served operations and their zod schemas.",
  response: { status: 200, description: "OpenAPI 3.1." },
  problems: [],
  async handler({ operations }) {
    let document = documents.get(operations);
    if (document === undefined) {
      document = JSON.stringify(buildOpenApiDocument(operations));
      documents.set(operations, document);
    }
    return new Response(document, { headers: { "Content-Type": "application/json" } });
  },
});

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
export const docsOperation = defineOperation({
  method: "GET",
  path: "/api/v1/docs",
  auth: "public",
  operationId: "getApiReference",
  tag: "meta",
  summary: "The interactive API reference",
  description: "Swagger UI rendering this document; every script and style from this API.",
  response: { status: 200, description: "An HTML page.", mediaType: "text/html" },
  problems: [],
  handler: async () =>
    new Response(PAGE, {
      headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": CSP },
    }),
});

const SCRIPT = "text/javascript; charset=utf-8";
const ASSETS = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": SCRIPT,
  "init.js": SCRIPT,
} as const;

// GET /api/v1/docs/{asset} — the reference's script and style sheet
export const docsAssetOperation = defineOperation({
  method: "GET",
  path: "/api/v1/docs/{asset}",
  auth: "public",
  operationId: "getApiReferenceAsset",
  tag: "meta",
  summary: "A script or style sheet of the API reference",
  description: "The files the reference page loads, and nothing else.",
  request: {
    params: z.object({
      asset: z
        .enum(Object.keys(ASSETS) as [keyof typeof ASSETS], { error: "No such file." })
        .meta({ description: "The file's name." }),
    }),
  },
  response: { status: 200, description: "The file." },
  problems: ["not-found"],
  async handler({ input: { params } }) {
    const headers = { "Content-Type": ASSETS[params.asset] };
    if (params.asset === "init.js") return new Response(INIT, { headers });
    return new Response(await readFile(path.join(getAbsoluteFSPath(), params.asset)), { headers });
  },
});
