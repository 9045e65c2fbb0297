/**
 * The `aud` of the tokens the web app issues for the API, and the one the API requires, unless
 * both are told otherwise (AUTH_AUDIENCE, set alike on both apps). A fixed name rather than an
 * origin: both apps know it without knowing each other's URL, and a token minted for the web
 * origin (Better Auth's default audience) is not one for the API.
 */
export const DEFAULT_API_AUDIENCE = "todo-api";
