// Every path under /api, every method: one catch-all hands each request to the API's own
// router and pipeline (src/app.ts), the same one the Node host and the tests use.
import { handleRequest } from "@/app";
import { getDeps } from "@/deps";

const handle = (request: Request): Promise<Response> => handleRequest(request, getDeps());

export {
  handle as DELETE,
  handle as GET,
  handle as HEAD,
  handle as OPTIONS,
  handle as PATCH,
  handle as POST,
  handle as PUT,
};
