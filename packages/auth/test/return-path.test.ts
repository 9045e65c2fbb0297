import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../src/return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/device", "/device"],
    ["/device?user_code=ABCD-EFGH", "/device?user_code=ABCD-EFGH"],
    ["/account/api-keys#new", "/account/api-keys#new"],
  ])("keeps the page of this site %s", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    ["another host", "//evil.example/device"],
    ["another host behind a backslash", "/\\evil.example"],
    ["an absolute URL", "https://evil.example/device"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "device"],
    ["a tab the browser would drop", "/\t/evil.example"],
    ["an auth route", "/api/auth/sign-out"],
    ["the empty string", ""],
    ["a list of values", ["/device"]],
    ["nothing", undefined],
  ])("refuses %s", (_, value) => {
    expect(safeReturnPath(value)).toBeNull();
  });
});
