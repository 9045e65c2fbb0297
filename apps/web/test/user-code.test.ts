import { describe, expect, it } from "vitest";
import { formatUserCode, normalizeUserCode } from "@/components/device/user-code";

describe("the device page's user code", () => {
  it.each([
    ["ABCDEFGH", "ABCDEFGH"],
    ["abcd-efgh", "ABCDEFGH"],
    [" AbCd EfGh ", "ABCDEFGH"],
    ["ABCD-EFGH-JK", "ABCDEFGH"],
  ])("reads %j as the code %s, with or without the dash, any case", (typed, code) => {
    expect(normalizeUserCode(typed)).toBe(code);
  });

  it("is shown as the terminal prints it, XXXX-XXXX, as far as it is typed", () => {
    expect(formatUserCode("ABCDEFGH")).toBe("ABCD-EFGH");
    expect(formatUserCode("ABCDE")).toBe("ABCD-E");
    expect(formatUserCode("ABCD")).toBe("ABCD");
  });
});
