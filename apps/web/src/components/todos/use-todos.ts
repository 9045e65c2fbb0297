import type { Todo, TodoClient, TodoInputBody, TodoPatchBody } from "@repo/api-client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { leaveIfSessionEnded } from "@/lib/api-token";
import { describeError, isNotFound, isPreconditionFailed } from "./describe-error";
import { etagOf } from "./etag";
import { matchesView } from "./todo-list-state";
import { useTodoList } from "./use-todo-list";
import { createWriteQueue } from "./write-queue";

const CHANGED_ELSEWHERE =
  "This todo was changed elsewhere, so your change wasn't saved. Here is the latest version.";

export interface Message {
  /** Changes on every message, so the same text twice is announced twice. */
  key: number;
  text: string;
}

export interface DeletedTodo {
  key: number;
  todo: Todo;
  /** Resolves true once the server has deleted it, false if the delete failed (and was undone). */
  deleted: Promise<boolean>;
}

/** The todo page's state and actions: optimistic writes that roll back, and delete with undo. */
export function useTodos(api: TodoClient) {
  const [alert, setAlert] = useState<Message | null>(null);
  const [info, setInfo] = useState<Message | null>(null);
  const [deleted, setDeleted] = useState<DeletedTodo | null>(null);
  // What the server last said about each todo: the base for If-Match and for rolling back.
  const server = useRef(new Map<string, Todo>()).current;
  const queue = useMemo(createWriteQueue, []);
  const keys = useRef(0);

  const say = useCallback((text: string) => setInfo({ key: ++keys.current, text }), []);
  const report = useCallback((error: unknown, text: string) => {
    if (!leaveIfSessionEnded(error)) setAlert({ key: ++keys.current, text });
  }, []);
  const remember = useCallback((todos: Todo[]) => {
    for (const todo of todos) server.set(todo.id, todo);
  }, []);

  const list = useTodoList(api, { onPage: remember, report });
  const { upsert, insert, remove: removeFromList } = list;
  const view = useRef(list.view);
  useEffect(() => {
    view.current = list.view;
  }, [list.view]);

  const showIfInView = useCallback(
    (todo: Todo) => (matchesView(todo, view.current) ? insert(todo) : removeFromList(todo.id)),
    [insert, removeFromList],
  );

  /** After a 412 (or 404): show what the server holds now. */
  const reload = useCallback(
    async (id: string) => {
      try {
        const result = await api.get(id);
        if (result.notModified) return;
        remember([result.todo]);
        showIfInView(result.todo);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        server.delete(id);
        removeFromList(id);
      }
    },
    [api, remember, showIfInView, removeFromList],
  );

  /** Write `patch` at once on screen, then on the server; roll back (and say so) if it fails. */
  const update = useCallback(
    async (todo: Todo, patch: TodoPatchBody): Promise<boolean> => {
      upsert({ ...todo, ...patch });
      try {
        const { todo: saved } = await queue.run(todo.id, () =>
          api.patch(todo.id, patch, { ifMatch: etagOf(server.get(todo.id) ?? todo) }),
        );
        remember([saved]);
        // A later write to this todo is queued: its optimistic state stays until it answers.
        if (queue.pending(todo.id) === 0) upsert(saved);
        return true;
      } catch (error) {
        if (isPreconditionFailed(error) || isNotFound(error)) {
          await reload(todo.id).catch(() => undefined);
          report(error, isNotFound(error) ? "This todo was deleted elsewhere." : CHANGED_ELSEWHERE);
          return false;
        }
        upsert(server.get(todo.id) ?? todo);
        report(error, describeError("Couldn't save your change", error));
        return false;
      }
    },
    [api, queue, remember, reload, report, upsert],
  );

  const create = useCallback(
    async (input: TodoInputBody, idempotencyKey: string) => {
      try {
        const { todo } = await api.create(input, { idempotencyKey });
        remember([todo]);
        if (matchesView(todo, view.current)) insert(todo);
        else say(`Added "${todo.title}". It isn't shown with the current filters or search.`);
        return true;
      } catch (error) {
        report(error, describeError("Couldn't add your todo", error));
        return false;
      }
    },
    [api, insert, remember, report, say],
  );

  const remove = useCallback(
    (todo: Todo) => {
      removeFromList(todo.id);
      const deletion = queue
        .run(todo.id, () => api.delete(todo.id, { ifMatch: etagOf(server.get(todo.id) ?? todo) }))
        .then(
          () => true,
          async (error: unknown) => {
            if (isNotFound(error)) return true; // deleted elsewhere already: the same outcome
            setDeleted((current) => (current?.todo.id === todo.id ? null : current));
            if (isPreconditionFailed(error)) {
              await reload(todo.id).catch(() => undefined);
              report(error, CHANGED_ELSEWHERE);
            } else {
              showIfInView(server.get(todo.id) ?? todo);
              report(error, describeError("Couldn't save your change", error));
            }
            return false;
          },
        );
      setDeleted({ key: ++keys.current, todo, deleted: deletion });
    },
    [api, queue, reload, report, removeFromList, showIfInView],
  );

  const undo = useCallback(
    async (item: DeletedTodo) => {
      setDeleted((current) => (current === item ? null : current));
      if (!(await item.deleted)) return; // the delete failed and was rolled back already
      try {
        const { todo } = await queue.run(item.todo.id, () => api.restore(item.todo.id));
        remember([todo]);
        showIfInView(todo);
        say(`Restored "${todo.title}".`);
      } catch (error) {
        report(error, describeError("Couldn't restore your todo", error));
      }
    },
    [api, queue, remember, report, say, showIfInView],
  );

  const dismissDeleted = useCallback(
    (item: DeletedTodo) => setDeleted((current) => (current === item ? null : current)),
    [],
  );

  return {
    ...list,
    say,
    report,
    create,
    update,
    remove,
    undo,
    deleted,
    dismissDeleted,
    alert,
    dismissAlert: useCallback(() => setAlert(null), []),
    info,
    dismissInfo: useCallback(() => setInfo(null), []),
  };
}
