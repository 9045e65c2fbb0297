/**
 * Password lengths, in characters (ASVS 2.1.1 and 2.1.2: at least 12, at most 128, so
 * passphrases fit). Pure constants: Better Auth enforces them (server.ts) and the sign-up form
 * shows them, from this one place.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
