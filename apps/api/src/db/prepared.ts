import type { Database } from "@repo/db/client";

/**
 * Statements built once per database handle and shape, then run with placeholders: drizzle
 * does not rebuild the SQL on every call, and PostgreSQL parses and plans each named statement
 * once per connection (node-postgres remembers which connections have it). A transaction is a
 * handle of its own, so statements used inside one are built per transaction, as before.
 */
export function preparedPerDatabase<Shape extends string, Statement>(
  build: (db: Database, shape: Shape) => Statement,
): (db: Database, shape: Shape) => Statement {
  const handles = new WeakMap<Database, Map<Shape, Statement>>();
  return (db, shape) => {
    let statements = handles.get(db);
    if (!statements) {
      statements = new Map();
      handles.set(db, statements);
    }
    let statement = statements.get(shape);
    if (!statement) {
      statement = build(db, shape);
      statements.set(shape, statement);
    }
    return statement;
  };
}
