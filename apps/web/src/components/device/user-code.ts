/** Better Auth's user codes: 8 characters of A–Z and 2–9 (no 0, 1, I, O). */
export const USER_CODE_LENGTH = 8;

/** What the user typed, as the code it stands for: no dash or spaces, any case. */
export const normalizeUserCode = (value: string) =>
  value
    .replace(/[^a-z0-9]/gi, "")
    .toUpperCase()
    .slice(0, USER_CODE_LENGTH);

/** ABCD-EFGH, as the terminal prints it (a shorter code as far as it goes). */
export const formatUserCode = (code: string) =>
  code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
