/** The most a JWKS may weigh: a set of a few dozen keys is a few KiB. */
export const JWKS_MAX_BYTES = 64 * 1024;

/**
 * The response's body as JSON, read no further than `maxBytes`: a larger body is refused as soon
 * as the bytes read pass the cap (or at once when Content-Length says so), and the rest is never
 * downloaded, so an issuer that streams without end cannot hold memory or the request.
 */
export async function readCappedJson(response: Response, maxBytes: number): Promise<unknown> {
  const tooLarge = () => new Error(`The JWKS is larger than ${maxBytes} bytes`);
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader?.cancel();
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
}
