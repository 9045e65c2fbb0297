// Read only by the Better Auth CLI, to generate packages/db/src/schema/auth.ts from the same
// configuration the web app runs (`createAuth`). Nothing connects to a database here.
import type { Database } from "@repo/db/client";
import { createAuth } from "./src/server";

export const auth = createAuth({
  db: {} as Database,
  secret: "schema-generation-only-secret-0000000000",
  baseURL: "http://localhost:3000",
});
