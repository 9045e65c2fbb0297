import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureHaproxy, findHaproxy, HaproxyNotFoundError } from "../../src/ensure-haproxy";

describe("findHaproxy", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "find-haproxy-"));
  const executable = path.join(dir, "haproxy");
  writeFileSync(executable, "#!/bin/sh\n");
  chmodSync(executable, 0o755);
  const notExecutable = path.join(dir, "haproxy.txt");
  writeFileSync(notExecutable, "");
  const missing = path.join(dir, "nowhere/haproxy");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("takes HAPROXY_PATH when it is an executable file", () => {
    expect(findHaproxy({ HAPROXY_PATH: executable, HAPROXY_SEARCH_PATHS: missing })).toBe(
      executable,
    );
  });

  it.each([
    ["does not exist", missing],
    ["is not an executable file", notExecutable],
    ["is not an executable file", dir],
  ])("refuses a HAPROXY_PATH that %s, naming it, even when the system has one", (why, given) => {
    const find = () => findHaproxy({ HAPROXY_PATH: given, HAPROXY_SEARCH_PATHS: executable });
    expect(find).toThrow(HaproxyNotFoundError);
    expect(find).toThrow(`HAPROXY_PATH is set to ${given}, which ${why}`);
  });

  it("finds the first executable of the search paths when HAPROXY_PATH is unset", () => {
    expect(findHaproxy({ HAPROXY_SEARCH_PATHS: `${missing}:${notExecutable}:${executable}` })).toBe(
      executable,
    );
  });

  it("says where it looked and how to install haproxy when there is none", () => {
    const find = () => findHaproxy({ HAPROXY_SEARCH_PATHS: `${missing}:${notExecutable}` });
    expect(find).toThrow(HaproxyNotFoundError);
    expect(find).toThrow(`looked for ${missing}, ${notExecutable}`);
    expect(find).toThrow("apt-get install haproxy");
  });

  it("searches /usr/sbin/haproxy by default", () => {
    // Whether or not this machine has it, the message or the answer names that path.
    try {
      expect(findHaproxy({})).toBe("/usr/sbin/haproxy");
    } catch (error) {
      expect(String(error)).toContain("looked for /usr/sbin/haproxy");
    }
  });

  it("installs nothing when HAPROXY_NO_INSTALL=1, and fails with the finder's message", () => {
    const ensure = () => ensureHaproxy({ HAPROXY_NO_INSTALL: "1", HAPROXY_SEARCH_PATHS: missing });
    expect(ensure).toThrow(HaproxyNotFoundError);
    expect(ensure).toThrow("No haproxy found");
  });
});
