/** The lifetimes a user may give a personal API key, in days (the web app offers these). */
export const API_KEY_EXPIRY_DAYS = [7, 30, 90, 365] as const;

export type ApiKeyExpiryDays = (typeof API_KEY_EXPIRY_DAYS)[number];

/** A key a CLI receives from the device login lives this long; `todo login` again renews it. */
export const DEVICE_KEY_EXPIRY_DAYS: ApiKeyExpiryDays = 90;

/** A key's name: what the user will recognise it by in the list (Better Auth's limit is 32). */
export const API_KEY_NAME_MAX_LENGTH = 32;

/** The most keys one user may hold at once (the device login counts too). */
export const API_KEYS_PER_USER = 50;

/** How long a device login's codes stay valid, and how often the CLI may poll (RFC 8628 §3.2). */
export const DEVICE_LOGIN_TIMING = { codeSeconds: 10 * 60, intervalSeconds: 5 };

export const DAY_SECONDS = 24 * 3600;
