import { finishRun } from "./run";

// Runs before Playwright stops the web servers; `drop database … with (force)` closes their
// connections, which their pools report to nobody.
export default async function globalTeardown(): Promise<void> {
  await finishRun();
}
