// Compiles the API's two servers to dist/: the Node host (src/node-host), and the Next app on the
// same kind of server (src/next-host).
import path from "node:path";
import { bundleServers } from "@repo/standalone/bundle-servers";

await bundleServers(path.resolve(import.meta.dirname, ".."), {
  "node-host": "src/node-host/main.ts",
  "next-host": "src/next-host/main.ts",
});
