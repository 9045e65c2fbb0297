import { describe, expect, it } from "vitest";
import { bearerToken, InvalidTokenError } from "../src/verifier";

describe("bearerToken", () => {
  it.each([
    { name: "no header", header: null, expected: null },
    { name: "an empty header", header: "", expected: null },
    { name: "another scheme (Basic)", header: "Basic dXNlcjpwYXNz", expected: null },
    { name: "a scheme that only starts with Bearer", header: "Bearerabc.def.ghi", expected: null },
    { name: "a Bearer token", header: "Bearer abc.def.ghi", expected: "abc.def.ghi" },
    { name: "a lowercase bearer scheme", header: "bearer abc.def.ghi", expected: "abc.def.ghi" },
    { name: "an uppercase BEARER scheme", header: "BEARER abc.def.ghi", expected: "abc.def.ghi" },
    { name: "extra spaces around the token", header: "Bearer   abc.def ", expected: "abc.def" },
    { name: "a token with base64 padding", header: "Bearer abc+/==", expected: "abc+/==" },
  ])("returns $expected for $name", ({ header, expected }) => {
    expect(bearerToken(header)).toBe(expected);
  });

  it.each([
    { name: "a Bearer scheme with no token", header: "Bearer" },
    { name: "a Bearer scheme followed by spaces only", header: "Bearer   " },
    { name: "two tokens", header: "Bearer abc def" },
    { name: "a comma in the token", header: "Bearer abc,def" },
    { name: "padding in the middle", header: "Bearer ab=c" },
    { name: "a non-ASCII token", header: "Bearer jéton" },
  ])("throws InvalidTokenError for $name", ({ header }) => {
    expect(() => bearerToken(header)).toThrow(InvalidTokenError);
  });
});
