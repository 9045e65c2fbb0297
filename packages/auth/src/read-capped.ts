/** A body over the cap its reader was given; nothing past the cap was read. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";

  constructor(readonly maxBytes: number) {
    super(`The body is larger than ${maxBytes} bytes`);
  }
}

/**
 * The body of `message` (a request or a response), read no further than `maxBytes`: a larger
 * body is refused (BodyTooLargeError) as soon as the bytes read pass the cap, or at once when
 * Content-Length says so, and the rest is never read, so a peer that sends without end cannot
 * hold memory or the exchange.
 */
export async function readCapped(
  message: Request | Response,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(message.headers.get("content-length"));
  if (declared > maxBytes) {
    // The refusal is the answer; a body that cannot be cancelled changes nothing about it.
    await message.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = message.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader?.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** readCapped, then the bytes as UTF-8 JSON (invalid UTF-8 or JSON throws). */
export async function readCappedJson(response: Response, maxBytes: number): Promise<unknown> {
  const bytes = await readCapped(response, maxBytes);
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
}
