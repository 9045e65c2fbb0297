// Compiles the Node host (src/node-host/main.ts) to one ES module, dist/node-host.mjs, so that
// production runs JavaScript only. The workspace packages (TypeScript sources) are bundled in;
// npm packages stay plain modules loaded from node_modules, as Next's serverExternalPackages
// keeps pg, ws and friends (optional native parts, dynamic requires, worker files).
import { readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import path from "node:path";
import { build, type Plugin } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const manifest = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};
const builtins = new Set(builtinModules);

/** `pg/lib/x` → `pg`, `@scope/name/x` → `@scope/name`. */
const packageName = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

// An npm package the bundle imports must be one @repo/api installs in production, so a missing
// declaration fails the build instead of the start.
const npmPackagesExternal: Plugin = {
  name: "npm-packages-external",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path: specifier, importer }) => {
      const name = packageName(specifier);
      if (specifier.startsWith("node:") || builtins.has(name) || name.startsWith("@repo/"))
        return undefined;
      const range = manifest.dependencies[name];
      if (range && !range.startsWith("workspace:")) return { external: true };
      return {
        errors: [
          {
            text: `${name} (imported by ${path.relative(root, importer)}) must be in @repo/api's dependencies: the compiled host loads it from node_modules`,
          },
        ],
      };
    });
  },
};

await build({
  absWorkingDir: root,
  // The Node host, and the Next app on the same kind of server (src/next-host).
  entryPoints: { "node-host": "src/node-host/main.ts", "next-host": "src/next-host/main.ts" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  plugins: [npmPackagesExternal],
  logLevel: "warning",
});
console.log("Built dist/node-host.mjs and dist/next-host.mjs");
