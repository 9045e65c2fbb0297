/** What every owned row has: todos, projects, labels. */
interface OwnedRow {
  id: string;
  userId: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A row as the API answers it: the owned fields around the resource's own `fields`, in the contract's order. */
export const ownedJson = <Fields extends object>(row: OwnedRow, fields: Fields) => ({
  id: row.id,
  userId: row.userId,
  ...fields,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
});
