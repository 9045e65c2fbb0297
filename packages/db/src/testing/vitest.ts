import { afterAll, beforeAll, inject } from "vitest";
import type { Driver, NeonSocketOptions } from "../client";
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

/** Driver options of this test project, for clients of any URL (e.g. an unreachable one). */
export function testDriverOptions(): { driver: Driver; neon: NeonSocketOptions } {
  const { wsProxyPort } = inject("testDatabase");
  return {
    driver: testDriver(),
    neon: {
      wsProxy: (host, port) => `127.0.0.1:${wsProxyPort}/v1?address=${host}:${port}`,
      useSecureWebSocket: false,
    },
  };
}

/**
 * A database of this test file's own, migrated, reached through the project's driver (TCP, or
 * Neon's serverless driver through the local WebSocket proxy), dropped after the file.
 * Read `.current` inside tests and hooks.
 */
export function useTestDatabase(): { readonly current: TestDatabase } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    const { adminUrl, template } = inject("testDatabase");
    database = await createTestDatabase({ adminUrl, template, ...testDriverOptions() });
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
