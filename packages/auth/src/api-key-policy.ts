/**
 * What a browser may know about personal API keys: the scopes, the lifetimes a user may pick, the
 * name limit. Pure constants and helpers, nothing of Better Auth's server: the web app's forms
 * import this.
 */
export {
  API_KEY_EXPIRY_DAYS,
  API_KEY_NAME_MAX_LENGTH,
  API_KEYS_PER_USER,
  type ApiKeyExpiryDays,
  DEVICE_KEY_EXPIRY_DAYS,
} from "./api-keys/key-lifetimes";
export {
  API_KEY_PREFIX,
  API_KEY_SHOWN_LENGTH,
  API_SCOPES,
  type ApiScope,
  DEVICE_CLIENT_ID,
  type DeviceCodeAnswer,
  isApiScope,
  parseScopeParameter,
  permissionsToScopes,
} from "./api-keys/scopes";
