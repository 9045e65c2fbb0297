// The whole schema, importable without opening a connection.
export * from "./auth";
export * from "./idempotency-keys";
export * from "./todos";
