// Compiles the web app's server (src/host) to dist/web-host.mjs.
import path from "node:path";
import { bundleServers } from "@repo/standalone/bundle-servers";

await bundleServers(path.resolve(import.meta.dirname, ".."), { "web-host": "src/host/main.ts" });
