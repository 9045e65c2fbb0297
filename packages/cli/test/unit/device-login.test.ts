import { afterEach, describe, expect, it } from "vitest";
import {
  DEVICE_AUTH_BASE_PATH,
  type DeviceCode,
  formatUserCode,
  pollForToken,
  requestDeviceCode,
} from "../../src/device-login";
import { CliError, EXIT } from "../../src/exit-codes";
import { type Answer, startStandIn } from "../support/stand-in";

const pending = { status: 400, json: { error: "authorization_pending" } };
const code: DeviceCode = {
  device_code: "dev-123",
  user_code: "ABCDEFGH",
  verification_uri: "http://web.test/device",
  expires_in: 600,
  interval: 2,
};

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

/** A token endpoint answering `answers` in turn; sleeps are recorded, not slept. */
async function poll(answers: Answer[], deviceCode = code, now?: () => number) {
  const standIn = await startStandIn(() => answers.shift() ?? pending);
  close = standIn.close;
  const slept: number[] = [];
  const deps = { fetch, sleep: async (ms: number) => void slept.push(ms), now };
  const result = await pollForToken(deps, standIn.url, deviceCode).catch((error: unknown) => error);
  return { result, slept, received: standIn.received };
}

describe("device login (RFC 8628) against a stand-in of the web app's endpoints", () => {
  it("asks for a code as client todo-cli with the todo scopes", async () => {
    const standIn = await startStandIn(() => ({
      status: 200,
      json: { ...code, verification_uri_complete: "http://web.test/device?user_code=ABCDEFGH" },
    }));
    close = standIn.close;
    const got = await requestDeviceCode({ fetch, sleep: async () => {} }, standIn.url);
    expect(got.user_code).toBe("ABCDEFGH");
    expect(standIn.received[0]?.path).toBe(`${DEVICE_AUTH_BASE_PATH}/code`);
    expect(JSON.parse(standIn.received[0]?.body ?? "")).toEqual({
      client_id: "todo-cli",
      scope: "todos:read todos:write",
    });
  });

  it("polls every interval while pending, adds 5 s on slow_down, and returns the access token", async () => {
    const { result, slept, received } = await poll([
      pending,
      { status: 400, json: { error: "slow_down" } },
      pending,
      {
        status: 200,
        json: { access_token: "todo_key", token_type: "Bearer", expires_in: 1, scope: "x" },
      },
    ]);
    expect(result).toBe("todo_key");
    expect(slept).toEqual([2000, 2000, 7000, 7000]);
    expect(received.map((r) => r.path)).toEqual(Array(4).fill(`${DEVICE_AUTH_BASE_PATH}/token`));
    expect(JSON.parse(received[0]?.body ?? "")).toEqual({
      grant_type: "urn:ietf:params:oauth:grant-type:device_code",
      device_code: "dev-123",
      client_id: "todo-cli",
    });
  });

  it.each([
    ["access_denied", {}, /^Login was denied in the browser\.$/],
    // What Better Auth's device plugin answers once the user denies.
    [
      "access_denied",
      { error_description: "Access denied" },
      /^Login was denied in the browser\.$/,
    ],
    ["expired_token", {}, /expired/],
  ])("stops with exit 11 on %s %o", async (error, extra, message) => {
    const { result } = await poll([pending, { status: 400, json: { error, ...extra } }]);
    expect(result).toBeInstanceOf(CliError);
    expect(result).toMatchObject({
      exitCode: EXIT.loginFailed,
      message: expect.stringMatching(message),
    });
  });

  it("access_denied with an error_description (the server's own refusal) says the server's reason", async () => {
    const description = "An account holds at most 50 API keys: revoke one first.";
    const { result } = await poll([
      { status: 400, json: { error: "access_denied", error_description: description } },
    ]);
    expect(result).toMatchObject({
      exitCode: EXIT.loginFailed,
      message: `Login was refused: ${description}`,
    });
  });

  it("stops polling once the code's lifetime is over, without another request", async () => {
    let clock = 0;
    const { result, received } = await poll([pending, pending], { ...code, expires_in: 3 }, () => {
      clock += 2000;
      return clock;
    });
    expect(result).toMatchObject({ exitCode: EXIT.loginFailed });
    expect(received).toHaveLength(1);
  });

  it("an unreachable web app is exit 9, naming it", async () => {
    const standIn = await startStandIn(() => pending);
    await standIn.close();
    const error = await requestDeviceCode({ fetch, sleep: async () => {} }, standIn.url).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      exitCode: EXIT.network,
      message: `Cannot reach the web app at ${standIn.url}: ECONNREFUSED`,
    });
  });

  it("shows an 8-character code as XXXX-XXXX", () => {
    expect(formatUserCode("ABCDEFGH")).toBe("ABCD-EFGH");
    expect(formatUserCode("ABCD-EFGH")).toBe("ABCD-EFGH");
  });
});
