import { describe, expect, it, vi } from "vitest";
import { pulledStream, StreamAbandoned } from "../../src/http/pulled-stream";

const options = { stallMs: 1_000, chunkLength: 4, onError: () => {} };
const decode = (chunk: Uint8Array | undefined) => new TextDecoder().decode(chunk);
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("pulledStream", () => {
  it("starts writing on the first read only", async () => {
    const write = vi.fn(async (emit: (text: string) => Promise<void>) => emit("done"));
    const stream = pulledStream(write, options);
    await tick();
    expect(write).not.toHaveBeenCalled();
    expect(decode((await stream.getReader().read()).value)).toBe("done");
    expect(write).toHaveBeenCalledOnce();
  });

  it("gathers text into chunks, and a chunk waits for the reader to ask for the next", async () => {
    const emitted: string[] = [];
    const stream = pulledStream(async (emit) => {
      for (const text of ["ab", "cd", "ef", "gh", "ij", "k"]) {
        await emit(text);
        emitted.push(text);
      }
    }, options);
    const reader = stream.getReader();
    expect(decode((await reader.read()).value)).toBe("abcd");
    await tick();
    // "efgh" is queued, unread: the writer waits on it instead of running ahead.
    expect(emitted).toEqual(["ab", "cd", "ef"]);
    expect(decode((await reader.read()).value)).toBe("efgh");
    expect(decode((await reader.read()).value)).toBe("ijk");
    expect((await reader.read()).done).toBe(true);
  });

  it("rejects the writer's emit when the reader stops asking for stallMs", async () => {
    let outcome: unknown;
    const stream = pulledStream(
      async (emit) => {
        try {
          // Bounded, so that a stream which never waits fails the test instead of filling memory.
          for (let i = 0; i < 1_000; i++) await emit("abcd");
        } catch (error) {
          outcome = error;
          throw error;
        }
      },
      { ...options, stallMs: 50 },
    );
    const reader = stream.getReader();
    await reader.read();
    await vi.waitFor(() => expect(outcome).toBeInstanceOf(StreamAbandoned));
  });

  it("rejects the writer's emit when the reader cancels, and reports no error", async () => {
    const onError = vi.fn();
    let outcome: unknown;
    const stream = pulledStream(
      async (emit) => {
        try {
          // Bounded, so that a stream which never waits fails the test instead of filling memory.
          for (let i = 0; i < 1_000; i++) await emit("abcd");
        } catch (error) {
          outcome = error;
          throw error;
        }
      },
      { ...options, onError },
    );
    const reader = stream.getReader();
    await reader.read();
    await tick();
    await reader.cancel();
    await vi.waitFor(() => expect(outcome).toBeInstanceOf(StreamAbandoned));
    expect(onError).not.toHaveBeenCalled();
  });

  it("reports a writer's failure and errors the stream (the body ends short)", async () => {
    const onError = vi.fn();
    const failure = new Error("the database went away");
    const stream = pulledStream(
      async (emit) => {
        await emit("abcd");
        throw failure;
      },
      { ...options, onError },
    );
    const reader = stream.getReader();
    expect(decode((await reader.read()).value)).toBe("abcd");
    await expect(reader.read()).rejects.toBe(failure);
    expect(onError).toHaveBeenCalledWith(failure);
  });
});
