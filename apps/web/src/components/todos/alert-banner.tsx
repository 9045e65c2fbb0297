"use client";

import { CloseIcon } from "./icons";
import type { Message } from "./use-todos";

/** A failure the user should know about (role alert), until they dismiss it or another replaces it. */
export function AlertBanner({
  message,
  onDismiss,
}: {
  message: Message | null;
  onDismiss: () => void;
}) {
  if (!message) return null;
  return (
    <div role="alert" className="banner" key={message.key}>
      <p>{message.text}</p>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        <CloseIcon />
      </button>
    </div>
  );
}
