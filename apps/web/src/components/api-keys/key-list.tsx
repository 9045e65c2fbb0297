"use client";

import type { KeySummary } from "./key-summary";

const day = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/** A date in the reader's time zone; the server's rendering may differ by a day, hence the warning's suppression. */
function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {day.format(new Date(iso))}
    </time>
  );
}

function Expiry({ iso }: { iso: string | null }) {
  if (iso === null) return <>Never expires</>;
  if (new Date(iso) <= new Date())
    return (
      <span className="expired" suppressHydrationWarning>
        Expired <When iso={iso} />
      </span>
    );
  return (
    <>
      Expires <When iso={iso} />
    </>
  );
}

/** A day, not a time: the API records a key's use at most hourly. */
function LastUsed({ iso }: { iso: string | null }) {
  if (iso === null) return <>Never used</>;
  return (
    <>
      Last used <When iso={iso} />
    </>
  );
}

/** The user's keys, newest first: name, first characters, scopes, dates, last use, and Revoke. */
export function KeyList({
  keys,
  onRevoke,
}: {
  keys: KeySummary[];
  onRevoke: (key: KeySummary) => void;
}) {
  if (keys.length === 0) return <p className="muted">No API keys yet.</p>;
  return (
    <ul className="session-list" aria-label="API keys">
      {keys.map((key) => (
        <li key={key.id} className="session api-key">
          <div className="api-key-text">
            <p>
              <strong>{key.name}</strong>{" "}
              {key.start && <code className="key-start">{key.start}…</code>}
            </p>
            <p className="scope-badges">
              {key.scopes.map((scope) => (
                <span key={scope} className="badge">
                  {scope}
                </span>
              ))}
            </p>
            <p className="hint">
              Created <When iso={key.createdAt} /> · <Expiry iso={key.expiresAt} /> ·{" "}
              <LastUsed iso={key.lastUsedAt} />
            </p>
          </div>
          <button
            type="button"
            className="button ghost"
            aria-label={`Revoke "${key.name}"`}
            onClick={() => onRevoke(key)}
          >
            Revoke
          </button>
        </li>
      ))}
    </ul>
  );
}
