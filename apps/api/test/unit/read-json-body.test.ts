import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/http/problem";
import { MAX_BODY_BYTES, readJsonBody } from "../../src/http/read-json-body";

const post = (body: BodyInit | null, type: string | null = "application/json") =>
  new Request("http://x/", {
    method: "POST",
    body,
    headers: type ? { "content-type": type } : {},
  });

async function statusOf(request: Request, accept?: string[]) {
  try {
    await readJsonBody(request, accept ? { accept } : {});
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

describe("readJsonBody", () => {
  it.each([
    ["a JSON object", post('{"a":1}'), 200],
    ["a JSON object with a BOM-free UTF-8 é", post('{"a":"é"}'), 200],
    ["exactly the limit", post(`{}${" ".repeat(MAX_BODY_BYTES - 2)}`), 200],
    ["one byte over the limit", post(`{}${" ".repeat(MAX_BODY_BYTES - 1)}`), 413],
    ["no content type", post('{"a":1}', null), 415],
    ["text/plain", post('{"a":1}', "text/plain"), 415],
    ["a UTF-16 charset", post('{"a":1}', "application/json; charset=utf-16"), 415],
    ["a quoted utf-8 charset", post('{"a":1}', 'application/json; charset="UTF-8"'), 200],
    ["no body", post(null), 400],
    ["broken JSON", post('{"a":'), 400],
    ["an array", post("[]"), 400],
    ["a number", post("1"), 400],
    ["invalid UTF-8", post(new Uint8Array([0x22, 0xc3, 0x28, 0x22])), 400],
  ])("%s → %i", async (_, request, status) => {
    expect(await statusOf(request)).toBe(status);
  });

  it("accepts the media types it is given, and only those", async () => {
    const patch = ["application/json", "application/merge-patch+json"];
    expect(await statusOf(post("{}", "application/merge-patch+json"), patch)).toBe(200);
    expect(await statusOf(post("{}", "application/merge-patch+json"))).toBe(415);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    let pulled = 0;
    const body = new ReadableStream({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request("http://x/", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) },
      duplex: "half",
    } as RequestInit);
    expect(await statusOf(request)).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading an endless stream at the limit", async () => {
    const body = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode(" ".repeat(4096)));
      },
    });
    const request = new Request("http://x/", {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(await statusOf(request)).toBe(413);
  });
});
