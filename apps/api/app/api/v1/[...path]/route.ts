// Any other /api/v1 path: the API's problem+json 404, for every method.
import { nextRoute } from "@/http/next-route";
import { unknownRoute } from "@/routes";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRoute(unknownRoute);
