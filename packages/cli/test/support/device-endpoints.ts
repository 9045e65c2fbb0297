import { type Answer, startStandIn } from "./stand-in";

/** What the stand-in's /device/code answers (polled every second). */
export const DEVICE_CODE = {
  device_code: "dev-1",
  user_code: "WXYZ2345",
  verification_uri: "http://web.test/device",
  verification_uri_complete: "http://web.test/device?user_code=WXYZ2345",
  expires_in: 600,
  interval: 1,
};

/**
 * The web app's device endpoints, for tests without the web app (the e2e suite runs the real
 * ones, approved in a browser): a code, one `authorization_pending`, then `token` as the access
 * token (or pending for ever). Close it when done.
 */
export async function startDeviceEndpoints(token?: string) {
  let polls = 0;
  return startStandIn(({ path: url }): Answer => {
    if (url === "/api/auth/device/code") return { status: 200, json: DEVICE_CODE };
    if (token && ++polls > 1)
      return {
        status: 200,
        json: {
          access_token: token,
          token_type: "Bearer",
          expires_in: 900,
          scope: "todos:read todos:write",
        },
      };
    return { status: 400, json: { error: "authorization_pending" } };
  });
}
