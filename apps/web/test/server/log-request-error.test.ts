import { Writable } from "node:stream";
import { createLogger } from "@repo/logger";
import { expect, it } from "vitest";
import { logRequestError } from "@/log-request-error";

it("logs a failed request as one JSON error line, without its cookies, query or SQL parameters", async () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const error = Object.assign(
    new Error('Failed query: select * from "session" where "token" = $1\nparams: tok-in-params'),
    { digest: "123" },
  );
  await logRequestError(createLogger({ level: "info", destination }))(
    error,
    {
      path: "/todos?token=tok-in-query",
      method: "GET",
      headers: { cookie: "better-auth.session_token=tok-in-cookie", authorization: "Bearer tok" },
    },
    {
      routerKind: "App Router",
      routePath: "/todos",
      routeType: "render",
      revalidateReason: undefined,
    },
  );
  expect(lines).toHaveLength(1);
  const record = JSON.parse(lines[0] ?? "");
  expect(record).toMatchObject({
    level: "error",
    msg: "request failed",
    method: "GET",
    path: "/todos",
    route: "/todos",
    routeType: "render",
    digest: "123",
    error: { name: "Error", message: 'Failed query: select * from "session" where "token" = $1' },
  });
  expect(lines[0]).not.toMatch(/tok-in|Bearer/);
});
