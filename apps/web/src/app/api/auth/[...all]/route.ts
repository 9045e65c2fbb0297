import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/auth";

// /api/auth/* — Better Auth (sign-up, sign-in, sign-out, session, token, jwks), resolved per request.
export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler((request) =>
  getAuth().handler(request),
);
