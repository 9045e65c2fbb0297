/**
 * The API's ETag is a strong tag derived from the version (`"<version>"`, API.md), so a listed
 * todo, project or label, which comes without its own ETag, can still be written with If-Match.
 */
export const etagOf = (item: { version: number }) => `"${item.version}"`;
