/** Where the embedded development server listens (see ./embedded.ts); no connection is opened here. */
export const EMBEDDED_PORT = 54329;
export const EMBEDDED_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/todo`;
