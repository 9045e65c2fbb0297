import { describe, expect, it } from "vitest";
import { mainStatement, valueFreeSql } from "../src/tracing";

// What a query span may record as db.query.text (packages/db/src/tracing.ts).
describe("valueFreeSql", () => {
  it.each([
    'select "id", "title" from "todos" where ("todos"."user_id" = $1 and "todos"."id" = $2) limit $3',
    'insert into "todos" ("id", "user_id", "title") values ($1, $2, $3) returning "id"',
    'select "x" from "todos_2024" where "a""b" = $12',
    "begin",
  ])("keeps drizzle's parameterised text: %s", (text) => {
    expect(valueFreeSql(text)).toBe(text);
  });

  it.each([
    'select * from "todos" where "title" = \'Buy milk\'',
    'select * from "todos" limit 20',
    'select * from "todos" where "id" = $1 or "title" = $$secret$$',
    'update "user" set "name" = E\'x\' where "id" = $1',
  ])("drops a text that carries a value: %s", (text) => {
    expect(valueFreeSql(text)).toBeUndefined();
  });
});

describe("mainStatement (a query span's name)", () => {
  it.each([
    ['select "id" from "todos"', 'select "id" from "todos"'],
    [
      'with "slot" as (insert into "todo_counts" ("user_id") values ($1) returning "user_id") insert into "todos" ("id") select $2 from "slot"',
      ' insert into "todos" ("id") select $2 from "slot"',
    ],
    [
      'with "a" as (update "todos" set "x" = ($1) returning "id"), "b" as (select (1)) select "id" from "a"',
      ' select "id" from "a"',
    ],
  ])("%s is named by %s", (text, main) => {
    expect(mainStatement(text)).toBe(main);
  });
});
