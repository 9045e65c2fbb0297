import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";
import { getEnv } from "./env";

/**
 * A nonce per page response. Next reads the policy from the request's headers while rendering
 * and puts its nonce on every script it writes; the browser gets the same policy. Pages are
 * rendered per request (the root layout awaits connection()), so no page is served with a
 * nonce other than its response's.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    apiOrigin: new URL(getEnv().NEXT_PUBLIC_API_URL).origin,
    development: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the auth routes (next.config's headers cover them; a proxy on a path
      // also caps its request bodies at 10 MB), nor built assets, nor router prefetches.
      source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
