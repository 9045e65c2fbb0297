// Compiles an app's own servers to ES modules in dist/, so production runs JavaScript only. The
// workspace packages (TypeScript sources) are bundled in; npm packages stay plain modules loaded
// from node_modules, as Next's serverExternalPackages keeps pg, ws and friends (optional native
// parts, dynamic requires, worker files).
import { readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import path from "node:path";
import { build, type Plugin } from "esbuild";

const builtins = new Set(builtinModules);

/** `pg/lib/x` → `pg`, `@scope/name/x` → `@scope/name`. */
const packageName = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

// An npm package the bundle imports must be one the app installs in production, so a missing
// declaration fails the build instead of the start.
function npmPackagesExternal(appDir: string, dependencies: Record<string, string>): Plugin {
  return {
    name: "npm-packages-external",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, ({ path: specifier, importer }) => {
        const name = packageName(specifier);
        if (specifier.startsWith("node:") || builtins.has(name) || name.startsWith("@repo/"))
          return undefined;
        const range = dependencies[name];
        if (range && !range.startsWith("workspace:")) return { external: true };
        return {
          errors: [
            {
              text: `${name} (imported by ${path.relative(appDir, importer)}) must be in the app's dependencies: the compiled server loads it from node_modules`,
            },
          ],
        };
      });
    },
  };
}

/** Builds `entryPoints` (name → source, relative to `appDir`) to `appDir/dist/<name>.mjs`. */
export async function bundleServers(appDir: string, entryPoints: Record<string, string>) {
  const manifest = JSON.parse(await readFile(path.join(appDir, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  await build({
    absWorkingDir: appDir,
    entryPoints,
    outdir: "dist",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    plugins: [npmPackagesExternal(appDir, manifest.dependencies)],
    logLevel: "warning",
  });
  console.log(
    `Built ${Object.keys(entryPoints)
      .map((name) => `dist/${name}.mjs`)
      .join(" and ")}`,
  );
}
