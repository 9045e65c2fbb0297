// Everything one `playwright test` run shares: the origins, the database, the auth secret.
// Prepared once, in the runner's main process, while the config loads (Playwright starts the
// `webServer`s before `globalSetup`, and they need the database). The workers inherit it
// through the environment, so the config they load again does not prepare a second run.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestServer } from "@repo/db/testing";
import { type SmtpSink, startSmtpSink } from "@repo/mail/testing";
import { findChromium } from "../../../tooling/test/ensure-chromium";
import { createRunDatabase, dropRunDatabase, type RunDatabase } from "./database";

export const repoRoot = path.resolve(import.meta.dirname, "../../..");

export interface Run {
  webUrl: string;
  apiUrl: string;
  database: RunDatabase;
  /** BETTER_AUTH_SECRET of this run's web app (the tests sign expired tokens with its keys). */
  authSecret: string;
  chromium: string;
  /**
   * The web app's mail: a real SMTP server (SMTP_URL) in the runner's main process, which writes
   * each message into `outboxDir`, where the workers read them (src/mail.ts).
   */
  mail: { smtpUrl: string; outboxDir: string };
}

const ENV_KEY = "E2E_RUN";
const SERVER = Symbol.for("todo-api.e2e-postgres");
const SMTP = Symbol.for("todo-api.e2e-smtp");
const store = globalThis as { [SERVER]?: TestServer; [SMTP]?: SmtpSink };

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    throw new Error(`${name} must be a port number, got "${process.env[name]}"`);
  return value;
}

function assertBuilt(): void {
  const missing = ["apps/web", "apps/api"].filter(
    (app) => !existsSync(path.join(repoRoot, app, ".next/BUILD_ID")),
  );
  if (missing.length > 0)
    throw new Error(
      `${missing.join(" and ")} ${missing.length > 1 ? "have" : "has"} no production build: ` +
        "run `pnpm build` at the repository root first (`pnpm --filter @repo/e2e test` does).",
    );
}

/** The current run, prepared on first call in the main process. */
export async function prepareRun(): Promise<Run> {
  const inherited = process.env[ENV_KEY];
  if (inherited) return JSON.parse(inherited) as Run;

  const chromium = findChromium();
  assertBuilt();
  const { database, server } = await createRunDatabase(repoRoot);
  store[SERVER] = server;
  const outboxDir = mkdtempSync(path.join(tmpdir(), "todo-e2e-mail-"));
  const smtp = await startSmtpSink({ outboxDir });
  store[SMTP] = smtp;
  const run: Run = {
    webUrl: `http://127.0.0.1:${port("E2E_WEB_PORT", 3100)}`,
    apiUrl: `http://127.0.0.1:${port("E2E_API_PORT", 3101)}`,
    database,
    authSecret: randomBytes(32).toString("base64url"),
    chromium,
    mail: { smtpUrl: smtp.url, outboxDir },
  };
  process.env[ENV_KEY] = JSON.stringify(run);
  return run;
}

/** The run the config prepared; for tests and fixtures. */
export function currentRun(): Run {
  const inherited = process.env[ENV_KEY];
  if (!inherited) throw new Error(`${ENV_KEY} is not set: run the tests through playwright test`);
  return JSON.parse(inherited) as Run;
}

/**
 * Drops the run's database, stops the embedded server if this process started one, and the
 * SMTP server, and removes the mails.
 */
export async function finishRun(): Promise<void> {
  const run = currentRun();
  await dropRunDatabase(run.database);
  await store[SERVER]?.stop();
  delete store[SERVER];
  await store[SMTP]?.close();
  delete store[SMTP];
  rmSync(run.mail.outboxDir, { recursive: true, force: true });
}
