"use client";

import { useMemo, useState } from "react";
import { createApi } from "@/lib/api";
import { leaveIfSessionEnded } from "@/lib/api-token";
import { describeError } from "../todos/describe-error";
import { DownloadIcon } from "../todos/icons";

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** Saves `text` as a file, through a link to an object URL (no navigation, nothing inline). */
function saveFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "Download your data": GET /me/export, saved as todo-export-<date>.json. */
export function ExportData({ apiUrl, userId }: { apiUrl: string; userId: string }) {
  const api = useMemo(() => createApi({ baseUrl: apiUrl, userId }), [apiUrl, userId]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    if (busy) return;
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const data = await api.exportAccount();
      saveFile(`todo-export-${data.exportedAt.slice(0, 10)}.json`, JSON.stringify(data, null, 2));
      setDone(
        `Downloaded ${count(data.todos.length, "todo")}, ${count(data.projects.length, "project")} and ${count(data.labels.length, "label")}.`,
      );
    } catch (failure) {
      if (!leaveIfSessionEnded(failure))
        setError(describeError("Couldn't download your data", failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="account-section">
      <p className="muted">
        One JSON file with everything you have here: your todos (deleted ones included), projects
        and labels.
      </p>
      <div className="row">
        <button type="button" className="button" onClick={download} aria-busy={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : <DownloadIcon />}
          Download your data
        </button>
      </div>
      <p role="status" className="hint">
        {done}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
