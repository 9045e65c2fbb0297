import type { ApiDeps } from "./deps";
import { dispatch } from "./http/dispatch";
import { ApiError } from "./http/problem";
import { requestIdOf } from "./http/request-id";
import { toProblemResponse } from "./http/to-problem-response";

/**
 * The whole API as one function: every host (Next's catch-all route, the Node host, the
 * tests) hands each request here. Paths outside the API get the API's 404 problem too.
 */
export async function handleRequest(request: Request, deps: ApiDeps): Promise<Response> {
  const response = await dispatch(request, deps);
  if (response) return response;
  return toProblemResponse(new ApiError("not-found", "No such route."), {
    instance: new URL(request.url).pathname,
    requestId: requestIdOf(request),
    logger: deps.logger,
  });
}
