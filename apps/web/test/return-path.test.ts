import { describe, expect, it } from "vitest";
import { safeReturnPath, signInThenReturnTo, withReturnPath } from "@/lib/return-path";

describe("signInThenReturnTo", () => {
  it.each(["/todos", "/account", "/account/api-keys", "/token", "/device?user_code=AB&x=1"])(
    "comes back to the signed-in page %s, query and all",
    (page) => {
      const next = new URL(signInThenReturnTo(page), "http://web").searchParams;
      expect(safeReturnPath(next.get("next"))).toBe(page);
    },
  );

  it.each([
    "//evil.example/account",
    "/\\evil.example",
    "https://evil.example/",
    "/api/auth/sign-out",
  ])("is plain /sign-in for %s, which is not a page of this site", (path) => {
    expect(signInThenReturnTo(path)).toBe("/sign-in");
  });
});

describe("withReturnPath", () => {
  it.each(["/sign-in", "/sign-up", "/verified", "/forgot-password", "/reset-password"] as const)(
    "%s carries the return path, which safeReturnPath reads back whole",
    (page) => {
      const url = new URL(withReturnPath(page, "/device?user_code=ABCDEFGH&x=1#y"), "http://web");
      expect(url.pathname).toBe(page);
      expect([...url.searchParams.keys()]).toEqual(["next"]);
      expect(safeReturnPath(url.searchParams.get("next"))).toBe("/device?user_code=ABCDEFGH&x=1#y");
    },
  );

  it.each([null, undefined, ""])("is the page alone without a return path (%s)", (next) => {
    expect(withReturnPath("/verified", next)).toBe("/verified");
  });

  it.each([
    ["the callbackURL Better Auth mails", "/verified"],
    ["the redirectTo the reset mail takes `next` from", "/reset-password"],
  ] as const)("keeps %s a page path of this site (Better Auth refuses others)", (_, page) => {
    // Better Auth's relative-URL check refuses %2F or %5C in the path, not in the query.
    const url = withReturnPath(page, "/device?user_code=ABCD-EFGH");
    expect(url).toBe(`${page}?next=%2Fdevice%3Fuser_code%3DABCD-EFGH`);
    expect(safeReturnPath(url)).toBe(url);
  });
});
