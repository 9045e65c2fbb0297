// /api/v1/openapi.json — handlers live in src/; this file only adapts them to Next.
import { nextRoute } from "@/http/next-route";
import { routes } from "@/routes";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = nextRoute(routes.openapi);
