import { createRequestHandler } from "./http/request-handler";
import { operations } from "./operations";

/**
 * The whole API as one function, `(request, deps) → response`: every host (Next's catch-all
 * route, the Node host, the tests) hands each request here. Paths outside the API get the
 * API's 404 problem too.
 */
export const handleRequest = createRequestHandler(operations);
