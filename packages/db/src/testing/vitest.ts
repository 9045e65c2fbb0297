import { afterAll, beforeAll, inject } from "vitest";
import type { Driver } from "../client";
import { createTestDatabase, type TestDatabase } from "./index";

export interface ProvidedTestDatabase {
  adminUrl: string;
  template: string;
  wsProxyPort: number;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: ProvidedTestDatabase;
  }
}

/** The driver this test project runs the suite through (`TEST_DB_DRIVER`, set per vitest project). */
export const testDriver = (): Driver => (process.env.TEST_DB_DRIVER === "neon" ? "neon" : "tcp");

/**
 * A database of this test file's own, migrated, reached through the project's driver (TCP, or
 * Neon's serverless driver through the local WebSocket proxy), dropped after the file.
 * Read `.current` inside tests and hooks.
 */
export function useTestDatabase(): { readonly current: TestDatabase } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    const { adminUrl, template, wsProxyPort } = inject("testDatabase");
    database = await createTestDatabase({
      adminUrl,
      template,
      driver: testDriver(),
      neon: {
        wsProxy: (host, port) => `127.0.0.1:${wsProxyPort}/v1?address=${host}:${port}`,
        useSecureWebSocket: false,
      },
    });
  });
  afterAll(async () => {
    await database?.dispose();
  });
  return {
    get current() {
      if (!database) throw new Error("useTestDatabase(): read .current inside a test or hook");
      return database;
    },
  };
}
