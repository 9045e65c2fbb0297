/**
 * Runs the writes to one todo one after another, so that each sends the version its predecessor
 * left behind as If-Match (two quick toggles must not race into a 412 against each other).
 */
export interface WriteQueue {
  run<T>(id: string, task: () => Promise<T>): Promise<T>;
  /** Writes to `id` queued or running. */
  pending(id: string): number;
}

export function createWriteQueue(): WriteQueue {
  const tails = new Map<string, Promise<unknown>>();
  const counts = new Map<string, number>();

  return {
    run(id, task) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
      // A failed write does not stop the next one: it runs against whatever the server holds.
      const result = (tails.get(id) ?? Promise.resolve()).then(task, task).finally(() => {
        const left = (counts.get(id) ?? 1) - 1;
        if (left === 0) {
          counts.delete(id);
          tails.delete(id);
        } else counts.set(id, left);
      });
      tails.set(
        id,
        result.catch(() => undefined),
      );
      return result;
    },
    pending: (id) => counts.get(id) ?? 0,
  };
}
