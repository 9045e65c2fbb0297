import { BodyTooLargeError, readCapped } from "@repo/auth/read-capped";
import { ApiError } from "./problem";

export const MAX_BODY_BYTES = 64 * 1024;

const JSON_TYPES = ["application/json"];

/** The media type without parameters, lower-cased; `charset` other than UTF-8 is refused. */
function mediaType(request: Request): string | null {
  const header = request.headers.get("content-type");
  if (!header) return null;
  const [type = "", ...params] = header.split(";").map((part) => part.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length);
  if (charset && charset.replaceAll('"', "") !== "utf-8") return null;
  return type;
}

/**
 * Reads the body as JSON, checking in the contract's order: media type (415), size (413,
 * counted while streaming, so a lying or missing Content-Length cannot get past it), UTF-8
 * and JSON (400), and that it is an object (400).
 */
export async function readJsonBody(
  request: Request,
  { accept = JSON_TYPES }: { accept?: readonly string[] } = {},
): Promise<Record<string, unknown>> {
  const type = mediaType(request);
  if (!type || !accept.includes(type))
    throw new ApiError(
      "unsupported-media-type",
      `The body must be sent as ${accept.join(" or ")}.`,
    );

  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let json: string;
  try {
    json = text.decode(await readBytes(request));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError("malformed-request", "The body is not valid UTF-8.");
  }

  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ApiError("malformed-request", "The body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ApiError("malformed-request", "The body must be a JSON object.");
  return value as Record<string, unknown>;
}

const tooLarge = () =>
  new ApiError("payload-too-large", `The body must be at most ${MAX_BODY_BYTES} bytes.`);

/** The body, refused with a 413 as soon as it passes MAX_BODY_BYTES (@repo/auth's capped reader). */
async function readBytes(request: Request): Promise<Uint8Array> {
  try {
    return await readCapped(request, MAX_BODY_BYTES);
  } catch (error) {
    throw error instanceof BodyTooLargeError ? tooLarge() : error;
  }
}
