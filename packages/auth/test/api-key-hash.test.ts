import { defaultKeyHasher } from "@better-auth/api-key";
import { describe, expect, it } from "vitest";
import { hashApiKey } from "../src/api-keys/key-hash";

describe("hashApiKey", () => {
  it.each([
    `todo_${"a".repeat(64)}`,
    "todo_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGhIjKl",
    "",
    "naïve ключ 🔑",
  ])("stores %j as Better Auth's api-key plugin does", async (key) => {
    expect(hashApiKey(key)).toBe(await defaultKeyHasher(key));
  });
});
