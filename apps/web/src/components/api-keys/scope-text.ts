import type { ApiScope } from "@repo/auth/api-key-policy";

/**
 * Each scope in plain words, for the key form and the device page. A scope covers todos,
 * projects and labels alike; reading and writing are separate (a write-only key cannot list).
 */
export const SCOPE_TEXT: Record<ApiScope, { label: string; description: string }> = {
  "todos:read": {
    label: "Read",
    description: "See your todos, projects and labels, and export them.",
  },
  "todos:write": {
    label: "Write",
    description: "Create, change, complete and delete todos, projects and labels.",
  },
};
