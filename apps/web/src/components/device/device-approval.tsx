"use client";

import { API_SCOPES, type ApiScope, parseScopeParameter } from "@repo/auth/api-key-policy";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";
import { CodeForm } from "./code-form";
import { type DeviceFailure, FAILURE_TEXT, readDeviceError } from "./describe-device-error";
import { DeviceRequest } from "./device-request";

type Step =
  | { step: "enter"; error: string | null }
  | { step: "review"; userCode: string; clientId: string; scopes: ApiScope[] }
  | { step: "done"; approved: boolean }
  | { step: "failed"; failure: DeviceFailure };

/** The request's scopes; none asked for is every scope (the server grants them all). */
const scopesOf = (scope: string | undefined): ApiScope[] => {
  const scopes = parseScopeParameter(scope);
  return scopes && scopes.length > 0 ? scopes : [...API_SCOPES];
};

/**
 * The device login's page (RFC 8628): the code, then what asks and for what, then Approve or
 * Deny, then what happened. Looking a code up while signed in ties it to this account (Better
 * Auth's GET /device), so only this account can answer it.
 */
export function DeviceApproval({ initialCode }: { initialCode: string }) {
  const [state, setState] = useState<Step>({ step: "enter", error: null });
  const [pending, setPending] = useState<"lookup" | "approve" | "deny" | null>(null);

  async function lookUp(userCode: string) {
    setPending("lookup");
    const { data, error } = await authClient.device({ query: { user_code: userCode } });
    setPending(null);
    if (error || !data) {
      const failure = error ? readDeviceError(error) : "other";
      if (failure === "other-account") setState({ step: "failed", failure });
      else setState({ step: "enter", error: FAILURE_TEXT[failure] });
      return;
    }
    if (data.status !== "pending") return setState({ step: "failed", failure: "processed" });
    // Better Auth names the client only to the account the code is tied to.
    if (!data.client_id) return setState({ step: "failed", failure: "other-account" });
    setState({ step: "review", userCode, clientId: data.client_id, scopes: scopesOf(data.scope) });
  }

  async function answer(userCode: string, choice: "approve" | "deny") {
    setPending(choice);
    const { error } =
      choice === "approve"
        ? await authClient.device.approve({ userCode })
        : await authClient.device.deny({ userCode });
    setPending(null);
    if (error) {
      const failure = readDeviceError(error);
      // The code was found a moment ago: "invalid" now means someone answered it meanwhile.
      return setState({ step: "failed", failure: failure === "unknown" ? "processed" : failure });
    }
    setState({ step: "done", approved: choice === "approve" });
  }

  switch (state.step) {
    case "enter":
      return (
        <CodeForm
          initialCode={initialCode}
          error={state.error}
          pending={pending === "lookup"}
          onSubmit={lookUp}
        />
      );
    case "review":
      return (
        <DeviceRequest
          userCode={state.userCode}
          clientId={state.clientId}
          scopes={state.scopes}
          pending={pending === "approve" || pending === "deny" ? pending : null}
          onAnswer={(choice) => answer(state.userCode, choice)}
        />
      );
    case "done":
      return (
        <div className="device-outcome" role="status">
          <h2 className="notice-title">{state.approved ? "Device approved" : "Request denied"}</h2>
          <p>
            {state.approved
              ? "You can return to your terminal: it will finish signing in within a few seconds."
              : "Nothing was given access to your account. You can close this page."}
          </p>
        </div>
      );
    case "failed":
      return (
        <div className="device-outcome">
          <p role="alert" className="form-error">
            {FAILURE_TEXT[state.failure]}
          </p>
          <button
            type="button"
            className="button wide"
            onClick={() => setState({ step: "enter", error: null })}
          >
            Enter another code
          </button>
        </div>
      );
  }
}
