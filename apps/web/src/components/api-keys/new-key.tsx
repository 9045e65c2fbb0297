"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { CreatedKey } from "./use-api-keys";

/**
 * The key just created, shown this once: a read-only field, Copy, and how to use it. It lives
 * only in this component's state: Done (or leaving the page) drops it, and nothing can show it
 * again.
 */
export function NewKey({
  created,
  apiUrl,
  onDone,
}: {
  created: CreatedKey;
  apiUrl: string;
  onDone: () => void;
}) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<"yes" | "refused" | null>(null);

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied("yes");
    } catch {
      field.current?.select();
      setCopied("refused");
    }
  }

  return (
    <section className="new-key" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Copy your new key</h2>
      <p className="new-key-warning">
        This is the only time you'll see it: keep it somewhere safe, like a password manager. If you
        lose it, revoke it and create another.
      </p>
      <div className="field">
        <label htmlFor={`${id}-key`}>API key "{created.name}"</label>
        <div className="copy-row">
          <textarea
            ref={field}
            id={`${id}-key`}
            className="code"
            readOnly
            rows={2}
            value={created.key}
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button" onClick={copy}>
            {copied === "yes" ? "Copied" : "Copy"}
          </button>
        </div>
        <p role="status" className="hint">
          {copied === "refused" ? "Copying was refused: the key is selected, copy it by hand." : ""}
        </p>
      </div>
      <p className="muted">Send it as a bearer token:</p>
      <pre className="code-block wrap">
        <code>{`curl -H "Authorization: Bearer $TODO_API_KEY" ${apiUrl}/api/v1/todos`}</code>
      </pre>
      <div className="row">
        <button type="button" className="button primary" onClick={onDone}>
          I've saved it
        </button>
      </div>
    </section>
  );
}
