import pg from "pg";

/** `url` pointing at another database of the same server. */
export function databaseUrl(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/** Runs `work` on one short-lived connection (for CREATE / DROP DATABASE and the like). */
export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabaseNamed(adminUrl: string, name: string, template?: string) {
  const from = template ? ` template ${pg.escapeIdentifier(template)}` : "";
  await withClient(adminUrl, (c) => c.query(`create database ${pg.escapeIdentifier(name)}${from}`));
}

/** Drops a database, closing any session still on it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) =>
    c.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`),
  );
}
