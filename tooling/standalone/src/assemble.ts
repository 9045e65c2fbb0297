// Turns a Next app's `.next/standalone` into a folder that runs once copied anywhere, as Next
// documents it: `next build` leaves out `.next/static` and `public`, which the server must serve.
// An app with a server of its own (the API's dist/next-host.mjs) gets that file traced too, with
// every module it loads, by the same tracer Next uses for its own files (@vercel/nft).
import { cp, lstat, mkdir, readFile, readlink, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { nodeFileTrace } from "@vercel/nft";

export interface AssembleOptions {
  /** The app's folder, where `next build` ran. */
  appDir: string;
  /**
   * The app's own servers (paths relative to `appDir`, e.g. `dist/next-host.mjs`), built before
   * this runs. When given, they replace Next's `server.js`, so the folder has no second way to
   * start the app that skips what those servers add.
   */
  servers?: string[];
}

export interface Assembled {
  /** The folder to copy: the tracing root's image (`<app>/.next/standalone`). */
  folder: string;
  /** Where the app sits inside it (e.g. `apps/api`): start its server from there. */
  appPath: string;
}

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

/** The configuration the build resolved: its tracing root is the standalone folder's root. */
async function tracingRoot(appDir: string): Promise<string> {
  const manifest = path.join(appDir, ".next/required-server-files.json");
  const { config } = JSON.parse(await readFile(manifest, "utf8")) as {
    config: { output?: string; outputFileTracingRoot: string };
  };
  if (config.output !== "standalone")
    throw new Error(`${appDir}: next.config must say output: "standalone"`);
  return config.outputFileTracingRoot;
}

/**
 * Copies one traced file (a path relative to `root`) into `folder` at the same relative path.
 * pnpm's node_modules are relative symlinks into `node_modules/.pnpm`: they are recreated as
 * they are (the tracer lists their targets too), so they resolve inside the copy.
 */
async function copyTraced(root: string, folder: string, file: string): Promise<void> {
  const source = path.join(root, file);
  const target = path.join(folder, file);
  if (await exists(target)) return;
  await mkdir(path.dirname(target), { recursive: true });
  if ((await lstat(source)).isSymbolicLink()) {
    const link = await readlink(source);
    const resolved = path.resolve(path.dirname(source), link);
    if (path.isAbsolute(link) || path.relative(root, resolved).startsWith(".."))
      throw new Error(`${file} links outside ${root} (${link}): the copy could not follow it`);
    await symlink(link, target);
  } else await cp(source, target);
}

async function traceServers(appDir: string, root: string, folder: string, servers: string[]) {
  const { fileList, warnings } = await nodeFileTrace(
    servers.map((server) => path.join(appDir, server)),
    {
      base: root,
      // Next's own trace (next-server.js.nft.json) already copied the parts of `next` its
      // server loads; tracing the whole package from here would add its build-time tools.
      ignore: (file) => /(^|\/)node_modules\/next\/(?!package\.json$)/.test(file),
    },
  );
  const outside = [...fileList].filter((file) => file.startsWith(".."));
  if (outside.length > 0)
    throw new Error(`the servers load files outside ${root}: ${outside.join(", ")}`);
  for (const warning of warnings)
    if (!/Failed to resolve dependency/.test(warning.message)) console.warn(warning.message);
  for (const file of fileList) await copyTraced(root, folder, file);
}

export async function assembleStandalone({
  appDir,
  servers = [],
}: AssembleOptions): Promise<Assembled> {
  const root = await tracingRoot(appDir);
  const folder = path.join(appDir, ".next/standalone");
  const appPath = path.relative(root, appDir);
  const app = path.join(folder, appPath);

  await rm(path.join(app, ".next/static"), { recursive: true, force: true });
  await cp(path.join(appDir, ".next/static"), path.join(app, ".next/static"), {
    recursive: true,
  });
  if (await exists(path.join(appDir, "public")))
    await cp(path.join(appDir, "public"), path.join(app, "public"), { recursive: true });

  if (servers.length > 0) {
    await traceServers(appDir, root, folder, servers);
    await rm(path.join(app, "server.js"));
  }
  return { folder, appPath };
}
