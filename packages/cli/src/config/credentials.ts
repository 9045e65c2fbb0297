import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { CliError, EXIT } from "../exit-codes";
import { credentialsPath } from "./paths";

/** What `todo login` stores. `token` is an opaque bearer credential: never printed. */
export const storedCredentialsSchema = z.object({
  apiUrl: z.string(),
  webUrl: z.string(),
  token: z.string().min(1),
  createdAt: z.string(),
});
export type StoredCredentials = z.infer<typeof storedCredentialsSchema>;

const isMissing = (error: unknown) => (error as { code?: string }).code === "ENOENT";

export async function readCredentials(dir: string): Promise<StoredCredentials | undefined> {
  const file = credentialsPath(dir);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  let parsed: ReturnType<typeof storedCredentialsSchema.safeParse> | undefined;
  try {
    parsed = storedCredentialsSchema.safeParse(JSON.parse(text));
  } catch {
    // not JSON: reported below
  }
  if (parsed?.success) return parsed.data;
  throw new CliError(EXIT.unexpected, `${file} is not a credentials file: run \`todo login\`.`);
}

/**
 * Writes the file atomically: a temporary file created with mode 0600 (never readable by
 * others, even for a moment) in a 0700 directory, then renamed over the old one.
 */
export async function writeCredentials(dir: string, credentials: StoredCredentials) {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const temporary = path.join(dir, `.credentials.${process.pid}.${randomBytes(6).toString("hex")}`);
  const handle = await open(temporary, "wx", 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(credentials, null, 2)}\n`);
    await handle.sync();
    await handle.close();
    await rename(temporary, credentialsPath(dir));
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Removes the file; true if there was one. */
export async function deleteCredentials(dir: string): Promise<boolean> {
  try {
    await rm(credentialsPath(dir));
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}
