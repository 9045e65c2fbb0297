import { createTodoClient, type TodoClient } from "@repo/api-client";
import { apiTokens } from "./api-token";

/**
 * The typed API client for the signed-in user. `baseUrl` comes from the server (read at start-up,
 * never inlined at build time). On a 401 the cached token is dropped and a new one fetched before
 * the client retries once; if the session is gone that throws SessionEndedError instead.
 */
export function createApi({ baseUrl, userId }: { baseUrl: string; userId: string }): TodoClient {
  const tokens = apiTokens(userId);
  return createTodoClient({
    baseUrl,
    getToken: () => tokens.get(),
    onUnauthorized: async () => {
      tokens.invalidate();
      await tokens.get();
    },
  });
}
