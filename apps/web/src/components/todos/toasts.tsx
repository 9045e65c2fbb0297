"use client";

import { useEffect, useRef, useState } from "react";
import type { DeletedProject } from "../organize/use-organizers";
import { CloseIcon } from "./icons";
import type { DeletedTodo, Message } from "./use-todos";

const UNDO_MS = 6_000;
const INFO_MS = 5_000;

/** Hides itself after `ms`, except while the pointer or the keyboard is on it. */
function useAutoDismiss(ms: number, onDismiss: () => void) {
  const [held, setHeld] = useState(false);
  // The latest callback, without restarting the clock each time the page re-renders.
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  });
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss.current(), ms);
    return () => clearTimeout(timer);
  }, [held, ms]);
  return {
    onMouseEnter: () => setHeld(true),
    onMouseLeave: () => setHeld(false),
    onFocus: () => setHeld(true),
    onBlur: () => setHeld(false),
  };
}

function UndoToast({
  text,
  onUndo,
  onDismiss,
}: {
  text: string;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const hold = useAutoDismiss(UNDO_MS, onDismiss);
  return (
    <div className="toast" {...hold}>
      <span className="toast-text">{text}</span>
      <button type="button" className="toast-action" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}

function InfoToast({ message, onDismiss }: { message: Message; onDismiss: () => void }) {
  const hold = useAutoDismiss(INFO_MS, onDismiss);
  return (
    <div className="toast" {...hold}>
      <span className="toast-text">{message.text}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        <CloseIcon />
      </button>
    </div>
  );
}

interface Props {
  deleted: DeletedTodo | null;
  onUndo: (item: DeletedTodo) => void;
  onDismissDeleted: (item: DeletedTodo) => void;
  deletedProject: DeletedProject | null;
  onUndoProject: (item: DeletedProject) => void;
  onDismissDeletedProject: (item: DeletedProject) => void;
  info: Message | null;
  onDismissInfo: () => void;
}

/**
 * Short-lived news at the bottom of the screen: "Deleted …" (a todo, a project) with Undo, "Restored …". The status
 * region is always there, so screen readers announce what appears in it.
 */
export function Toasts({ deleted, deletedProject, info, ...props }: Props) {
  return (
    <div role="status" className="toasts">
      {deleted && (
        <UndoToast
          key={deleted.key}
          text={`Deleted "${deleted.todo.title}"`}
          onUndo={() => props.onUndo(deleted)}
          onDismiss={() => props.onDismissDeleted(deleted)}
        />
      )}
      {deletedProject && (
        <UndoToast
          key={`project-${deletedProject.key}`}
          text={`Deleted project "${deletedProject.project.name}"`}
          onUndo={() => props.onUndoProject(deletedProject)}
          onDismiss={() => props.onDismissDeletedProject(deletedProject)}
        />
      )}
      {info && <InfoToast key={info.key} message={info} onDismiss={props.onDismissInfo} />}
    </div>
  );
}
