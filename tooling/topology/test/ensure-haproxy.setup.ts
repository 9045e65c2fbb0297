import { ensureHaproxy } from "../src/ensure-haproxy";

// The topology project's own setup: haproxy must exist before its files start (installed here
// on Debian as root, as the end-to-end tests install Chromium); a failure stops the run.
export default function setup() {
  ensureHaproxy();
}
