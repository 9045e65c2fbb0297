import {
  createTemplateDatabase,
  dropDatabase,
  startTestServer,
  startWsProxy,
} from "@repo/db/testing";
import type { TestProject } from "vitest/node";

const EMBEDDED_TEST_PORT = 54330;

interface Shared {
  provided: { adminUrl: string; template: string; wsProxyPort: number };
  users: number;
  stop(): Promise<void>;
}

// Every test project runs this setup (they all inherit it), in the one main vitest process:
// they share one set of resources through globalThis, and the last teardown releases them.
const KEY = Symbol.for("todo-api.test-resources");
const registry = globalThis as { [KEY]?: Promise<Shared> };

/**
 * Once per test run: a real PostgreSQL (TEST_DATABASE_URL, else an embedded server), a
 * migrated template database that each test file copies, and the WebSocket proxy the
 * Neon-driver project connects through.
 */
async function start(): Promise<Shared> {
  // In the log on purpose: CI's output shows which Node the tests (and the servers they spawn
  // with process.execPath) ran on; tooling/test/test/node-runtime.test.ts fails unless it is 24.
  console.log(`Tests run on Node ${process.version} (${process.execPath})`);
  const server = await startTestServer({
    url: process.env.TEST_DATABASE_URL || undefined,
    ci: process.env.CI === "true",
    dataDir: ".data/test-postgres",
    port: EMBEDDED_TEST_PORT,
  });
  const template = `todo_template_${process.pid}`;
  await createTemplateDatabase(server.adminUrl, template);
  const proxy = await startWsProxy();
  return {
    provided: { adminUrl: server.adminUrl, template, wsProxyPort: proxy.port },
    users: 0,
    async stop() {
      await proxy.close();
      await dropDatabase(server.adminUrl, template);
      await server.stop();
    },
  };
}

export default async function setup(project: TestProject) {
  registry[KEY] ??= start();
  const shared = await registry[KEY];
  shared.users++;
  project.provide("testDatabase", shared.provided);
  return async () => {
    if (--shared.users === 0) {
      delete registry[KEY];
      await shared.stop();
    }
  };
}
