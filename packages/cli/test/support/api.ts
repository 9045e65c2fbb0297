// The API's own test support (a production host on a port, a real PostgreSQL, a JWKS issuer),
// reused rather than a second server starter.
export { useApi } from "../../../../apps/api/test/support/api";
export {
  type ApiHost,
  startApiHost,
  testApiHost,
} from "../../../../apps/api/test/support/api-host";
export { ISSUER } from "../../../../apps/api/test/support/issuer";
