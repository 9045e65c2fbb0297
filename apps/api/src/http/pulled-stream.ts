/** The reader went away (cancelled the body) or stopped reading for too long: the writer unwinds. */
export class StreamAbandoned extends Error {
  override readonly name = "StreamAbandoned";
}

export interface PulledStreamOptions {
  /**
   * How long one chunk may wait for the reader to ask for more; past it the writer gets
   * StreamAbandoned, so a stalled client cannot hold what the writer holds (a transaction).
   */
  stallMs: number;
  /** Text is sent in chunks of about this many UTF-16 code units (the last one may be shorter). */
  chunkLength: number;
  /** An error of the writer's once the response has started: the body ends short. */
  onError: (error: unknown) => void;
}

/**
 * A response body produced by `write` as it is read. `write` starts on the first read (a HEAD,
 * or a body nobody reads, costs nothing); its `emit` gathers text into chunks, and a full chunk
 * resolves only once the reader asks for the next one, so about one chunk waits in memory
 * however slow the reader is. When the reader cancels or stalls, the pending (or next) `emit`
 * rejects with StreamAbandoned, and `write` unwinds (a transaction around it rolls back).
 */
export function pulledStream(
  write: (emit: (text: string) => Promise<void>) => Promise<void>,
  { stallMs, chunkLength, onError }: PulledStreamOptions,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  let abandoned = false;
  let pending = "";
  /** Set while a chunk waits in the queue: the next pull (a read asking for more) calls it. */
  let asked: (() => void) | undefined;

  const check = () => {
    if (abandoned) throw new StreamAbandoned("the reader went away");
  };

  const nextRead = () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        asked = undefined;
        abandoned = true;
        reject(new StreamAbandoned(`the reader asked for nothing for ${stallMs} ms`));
      }, stallMs);
      asked = () => {
        clearTimeout(timer);
        asked = undefined;
        resolve();
      };
    });

  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (asked) return asked();
        if (started) return; // the writer is reading its next rows; its next chunk answers
        started = true;
        const send = async (text: string) => {
          controller.enqueue(encoder.encode(text));
          // High-water mark 0: a chunk no read was waiting for stays queued until one asks.
          if ((controller.desiredSize ?? 0) < 0) await nextRead();
          check();
        };
        const emit = async (text: string) => {
          check();
          pending += text;
          if (pending.length < chunkLength) return;
          const chunk = pending;
          pending = "";
          await send(chunk);
        };
        write(emit)
          .then(() => (pending ? send(pending) : undefined))
          .then(
            () => controller.close(),
            (error: unknown) => {
              if (!abandoned) onError(error);
              try {
                controller.error(error);
              } catch {
                // Already cancelled by the reader: nothing is left to tell.
              }
            },
          );
      },
      cancel() {
        abandoned = true;
        asked?.();
      },
    },
    { highWaterMark: 0 },
  );
}
