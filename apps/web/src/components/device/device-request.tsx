"use client";

import { type ApiScope, DEVICE_CLIENT_ID, DEVICE_KEY_EXPIRY_DAYS } from "@repo/auth/api-key-policy";
import Link from "next/link";
import { SCOPE_TEXT } from "../api-keys/scope-text";
import { formatUserCode } from "./user-code";

/** The apps that may ask (Better Auth's validateClient lets only these in). */
const CLIENT_NAMES: Record<string, string> = { [DEVICE_CLIENT_ID]: "todo CLI" };

/** What is asking, for which code, what it could do, and Approve / Deny. */
export function DeviceRequest({
  userCode,
  clientId,
  scopes,
  pending,
  onAnswer,
}: {
  userCode: string;
  clientId: string;
  scopes: ApiScope[];
  pending: "approve" | "deny" | null;
  onAnswer: (answer: "approve" | "deny") => void;
}) {
  const client = CLIENT_NAMES[clientId] ?? clientId;
  return (
    <section className="device-request" aria-labelledby="device-request-title">
      <h2 id="device-request-title" className="notice-title">
        {client} wants to use your account
      </h2>
      <p>
        Only approve if you started this in your terminal and it shows{" "}
        <strong className="user-code">{formatUserCode(userCode)}</strong>.
      </p>
      <div>
        <p className="muted">It will be able to:</p>
        <ul className="device-scopes">
          {scopes.map((scope) => (
            <li key={scope}>
              <strong>{SCOPE_TEXT[scope].label}</strong> <code>{scope}</code>:{" "}
              {SCOPE_TEXT[scope].description}
            </li>
          ))}
        </ul>
      </div>
      <p className="hint">
        It gets an API key that lasts {DEVICE_KEY_EXPIRY_DAYS} days. You can revoke it any time
        under <Link href="/account/api-keys">API keys</Link>.
      </p>
      <div className="device-actions">
        <button
          type="button"
          className="button"
          onClick={() => onAnswer("deny")}
          aria-busy={pending === "deny"}
        >
          Deny
        </button>
        <button
          type="button"
          className="button primary"
          onClick={() => onAnswer("approve")}
          aria-busy={pending === "approve"}
        >
          {pending === "approve" && <span className="spinner" aria-hidden="true" />}
          Approve
        </button>
      </div>
    </section>
  );
}
