import { ApiProblemError, type Color } from "@repo/api-client";
import { useCallback, useEffect, useState } from "react";
import { leaveIfSessionEnded } from "@/lib/api-token";
import { describeError, isNotFound, isPreconditionFailed } from "../todos/describe-error";

/** What projects and labels share: a name unique per user ignoring case, a colour, a version. */
export interface Named {
  id: string;
  name: string;
  color: Color;
  version: number;
}

/** The routes of one resource, adapted to what the page needs. */
export interface NamedItemsApi<T extends Named, Input, Patch> {
  list(signal: AbortSignal): AsyncIterable<T>;
  create(input: Input, idempotencyKey: string): Promise<T>;
  patch(item: T, patch: Patch): Promise<T>;
  remove(item: T): Promise<void>;
}

/** Null when the write was saved, else what to say beside the form that sent it. */
export type FormResult = string | null;

const NAME_TAKEN = "urn:todo-api:problem:name-taken";

/** By name ignoring case, as the API lists them (its default sort). */
export const byName = <T extends Named>(a: T, b: T) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: "base" }) || (a.id < b.id ? -1 : 1);

/** What a form says when saving failed: a taken name, a change made elsewhere, or why. */
export function formError(noun: string, error: unknown): string {
  if (error instanceof ApiProblemError && error.problem.type === NAME_TAKEN)
    return `You already have a ${noun} with that name.`;
  if (isPreconditionFailed(error))
    return `This ${noun} was changed elsewhere. Here is the latest version; try again.`;
  if (isNotFound(error)) return `This ${noun} was deleted elsewhere.`;
  return describeError(`Couldn't save the ${noun}`, error);
}

/**
 * A user's projects or labels, all of them (a user has tens, not thousands), kept sorted by
 * name. Writes wait for the server (a name can be refused as taken), then update the list.
 */
export function useNamedItems<T extends Named, Input, Patch>(
  api: NamedItemsApi<T, Input, Patch>,
  { noun, report }: { noun: string; report: (error: unknown, text: string) => void },
) {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<"loading" | "ready" | "error">("loading");
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // `attempt` is read so that a reload re-runs this effect.
    void attempt;
    const controller = new AbortController();
    (async () => {
      const loaded: T[] = [];
      for await (const item of api.list(controller.signal)) loaded.push(item);
      return loaded;
    })().then(
      (loaded) => {
        setItems(loaded.sort(byName));
        setStatus("ready");
      },
      (error: unknown) => {
        if (controller.signal.aborted || leaveIfSessionEnded(error)) return;
        setStatus("error");
        report(error, describeError(`Couldn't load your ${noun}s`, error));
      },
    );
    return () => controller.abort();
  }, [api, attempt, noun, report]);

  const put = useCallback(
    (item: T) =>
      setItems((current) => [...current.filter((x) => x.id !== item.id), item].sort(byName)),
    [],
  );
  const drop = useCallback(
    (id: string) => setItems((current) => current.filter((x) => x.id !== id)),
    [],
  );
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  /** Runs a write; on a 412 or 404 the list is read again, so the form shows what is there now. */
  const write = useCallback(
    async (task: () => Promise<void>): Promise<FormResult> => {
      try {
        await task();
        return null;
      } catch (error) {
        if (leaveIfSessionEnded(error)) return null;
        if (isPreconditionFailed(error) || isNotFound(error)) reload();
        return formError(noun, error);
      }
    },
    [noun, reload],
  );

  const create = useCallback(
    (input: Input, idempotencyKey: string) =>
      write(async () => put(await api.create(input, idempotencyKey))),
    [api, put, write],
  );
  const update = useCallback(
    (item: T, patch: Patch) => write(async () => put(await api.patch(item, patch))),
    [api, put, write],
  );
  const remove = useCallback(
    (item: T) =>
      write(async () => {
        await api.remove(item);
        drop(item.id);
      }),
    [api, drop, write],
  );

  return { items, status, put, drop, reload, create, update, remove };
}
