import { startEmbeddedPostgres } from "../embedded";

export interface TestServer {
  /** A maintenance connection URL: test databases are created and dropped through it. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server tests create their databases on: `url` (TEST_DATABASE_URL) when given,
 * else an embedded server on `port` with its data in `dataDir`. With `ci`, a missing URL is an
 * error, so CI never silently tests somewhere else than the server it provides.
 */
export async function startTestServer(options: {
  url: string | undefined;
  ci: boolean;
  dataDir: string;
  port: number;
}): Promise<TestServer> {
  if (options.url) return { adminUrl: options.url, stop: async () => {} };
  if (options.ci)
    throw new Error(
      "CI=true: set TEST_DATABASE_URL to the PostgreSQL server the tests must run on.",
    );
  const embedded = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    port: options.port,
    database: "postgres",
  });
  return { adminUrl: embedded.adminUrl, stop: embedded.stop };
}
