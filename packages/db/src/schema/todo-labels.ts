import { foreignKey, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "./instant";
import { labels } from "./labels";
import { todos } from "./todos";

/**
 * Which labels a todo carries. Both foreign keys include the owner, so a link can only join a
 * todo and a label of the same user; deleting either (or the user) deletes the link.
 */
export const todoLabels = pgTable(
  "todo_labels",
  {
    todoId: uuid("todo_id").notNull(),
    labelId: uuid("label_id").notNull(),
    userId: text("user_id").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    // Also the probe of the label filter: does this todo carry this label?
    primaryKey({ columns: [t.todoId, t.labelId] }),
    foreignKey({
      name: "todo_labels_todo_fk",
      columns: [t.userId, t.todoId],
      foreignColumns: [todos.userId, todos.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "todo_labels_label_fk",
      columns: [t.userId, t.labelId],
      foreignColumns: [labels.userId, labels.id],
    }).onDelete("cascade"),
    // A label's links, for its deletion (the cascade) and for the todos it is on.
    index("todo_labels_label_idx").on(t.labelId, t.todoId),
  ],
);

export type TodoLabelRow = typeof todoLabels.$inferSelect;
