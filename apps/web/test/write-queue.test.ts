import { describe, expect, it } from "vitest";
import { createWriteQueue } from "@/components/todos/write-queue";

const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe("createWriteQueue", () => {
  it("runs writes to one todo one after another, and to different todos at once", async () => {
    const queue = createWriteQueue();
    const started: string[] = [];
    const first = deferred();
    const one = queue.run("a", async () => {
      started.push("a1");
      await first.promise;
    });
    const two = queue.run("a", async () => {
      started.push("a2");
    });
    const other = queue.run("b", async () => {
      started.push("b1");
    });
    await other;
    expect(started).toEqual(["a1", "b1"]);
    expect(queue.pending("a")).toBe(2);
    first.resolve();
    await Promise.all([one, two]);
    expect(started).toEqual(["a1", "b1", "a2"]);
    expect(queue.pending("a")).toBe(0);
  });

  it("runs the next write even when the one before it failed", async () => {
    const queue = createWriteQueue();
    const failing = queue.run("a", async () => {
      throw new Error("412");
    });
    const next = queue.run("a", async () => "saved");
    await expect(failing).rejects.toThrow("412");
    await expect(next).resolves.toBe("saved");
  });

  it("counts, inside a finished write's continuation, only the writes still to come", async () => {
    const queue = createWriteQueue();
    const gate = deferred();
    const first = queue.run("a", () => gate.promise).then(() => queue.pending("a"));
    void queue.run("a", async () => undefined);
    gate.resolve();
    expect(await first).toBe(1);
  });
});
