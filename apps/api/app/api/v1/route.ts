// /api/v1 itself: the API's problem+json 404, like any other unknown /api/v1 path.
import { nextRoute } from "@/http/next-route";
import { unknownRoute } from "@/routes";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRoute(unknownRoute);
