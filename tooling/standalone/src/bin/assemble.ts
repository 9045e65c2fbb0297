#!/usr/bin/env tsx
// `assemble-standalone [server…]`, run by an app's `build` script after `next build` (and after
// building its own servers, if any): completes `.next/standalone` so it runs once copied.
import path from "node:path";
import { assembleStandalone } from "../assemble";

const servers = process.argv.slice(2);
const { folder, appPath } = await assembleStandalone({ appDir: process.cwd(), servers });
const start = servers[0] ?? "server.js";
console.log(
  `Standalone folder ready: ${path.relative(process.cwd(), folder)} (copy it, then run \`node ${path.join(appPath, start)}\` inside it)`,
);
