import { randomInt } from "node:crypto";
import pg from "pg";

export interface SeedSizes {
  users: number;
  todosPerUser: number;
  /** The growth users: one with `largeTodos`, one with `smallTodos`. */
  largeTodos: number;
  smallTodos: number;
  /** Each growth user's projects and labels (their todos spread over them). */
  growthProjects: number;
  growthLabels: number;
}

export const FULL_SIZES: SeedSizes = {
  users: 200,
  todosPerUser: 500,
  largeTodos: 100_000,
  smallTodos: 500,
  growthProjects: 50,
  growthLabels: 100,
};
export const SMOKE_SIZES: SeedSizes = {
  users: 5,
  todosPerUser: 20,
  largeTodos: 250,
  smallTodos: 20,
  growthProjects: 5,
  growthLabels: 10,
};

export interface BenchUser {
  id: string;
  name: string;
  email: string;
}

/** A growth user with the project and label its filter rows ask for. */
export interface GrowthUser extends BenchUser {
  projectId: string;
  labelId: string;
}

export interface Fixtures {
  /** The users the load rotates over, each with the ids of their seeded todos. */
  users: (BenchUser & { todoIds: string[] })[];
  growth: { large: GrowthUser; small: GrowthUser };
}

/** The title the create scenario sends: reset() removes exactly these rows. */
export const CREATED_TITLE = "bench";
/** Matches no seeded title: `q` then scans every live todo of the user. */
export const NO_MATCH_Q = "zz-matches-nothing";

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** An id as Better Auth makes them (generateId: 32 alphanumeric characters). */
const betterAuthId = () =>
  Array.from({ length: 32 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join("");

const benchUser = (label: string): BenchUser => ({
  id: betterAuthId(),
  name: `Bench ${label}`,
  email: `bench-${label}@bench.test`,
});

// A UUIDv7 for the Unix millisecond `ms`, as the API's uuid v7 makes them: the timestamp in
// the first 48 bits, then gen_random_uuid()'s random bits with the version nibble 4 turned to
// 7 (bits 52 and 53); its variant bits are already RFC 9562's.
const UUID_V7 = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(ms) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

// Each user's todos one second apart, ending a minute before now, created and updated at
// the instant their id carries; every user's offset by its index in milliseconds.
const INSERT_TODOS = `
  insert into todos (id, user_id, title, created_at, updated_at)
  select ${UUID_V7}, u.id, 'Seeded todo ' || i, t.at, t.at
  from unnest($1::text[]) with ordinality as u(id, n)
  cross join generate_series(1, $2::int) as i
  cross join lateral (select $3::bigint + i * 1000 + u.n as ms) as m
  cross join lateral (select timestamptz 'epoch' + m.ms * interval '1 millisecond' as at) as t`;

async function insertTodos(client: pg.ClientBase, userIds: string[], perUser: number) {
  const firstMs = Date.now() - 60_000 - (perUser + 1) * 1000 - userIds.length;
  await client.query(INSERT_TODOS, [userIds, perUser, firstMs]);
}

// A growth user's projects and labels, then its todos spread over them as a real list would be:
// nine in ten in a project (round robin), two in three dated within 1,000 hours either side of
// now (so about half of those are overdue), every priority, one label each and a second on every
// fourth. Todos are numbered in creation order, so every filter's matches run through the list.
const SPREAD_TODOS = `
  with projects_in as (
    insert into projects (id, user_id, name, color)
    select gen_random_uuid(), $1, 'Project ' || k, 'gray'
    from generate_series(1, $2::int) as k
    returning id
  ), labels_in as (
    insert into labels (id, user_id, name, color)
    select gen_random_uuid(), $1, 'Label ' || k, 'gray'
    from generate_series(1, $3::int) as k
    returning id
  )
  select (select array_agg(id order by id) from projects_in) as projects,
         (select array_agg(id order by id) from labels_in) as labels`;

async function spreadTodos(
  client: pg.ClientBase,
  userId: string,
  sizes: { projects: number; labels: number },
): Promise<{ projectId: string; labelId: string }> {
  const { rows } = await client.query<{ projects: string[]; labels: string[] }>(SPREAD_TODOS, [
    userId,
    sizes.projects,
    sizes.labels,
  ]);
  const projects = rows[0]?.projects ?? [];
  const labels = rows[0]?.labels ?? [];
  await client.query(
    `update todos t set
       project_id = case when n % 10 <> 0 then ($2::uuid[])[1 + n % cardinality($2::uuid[])] end,
       due_at = case when n % 3 <> 2 then now() + ((n * 7919) % 2000 - 1000) * interval '1 hour' end,
       priority = 1 + n % 4
     from (select id, row_number() over (order by created_at) as n from todos where user_id = $1) as o
     where t.id = o.id`,
    [userId, projects],
  );
  await client.query(
    `insert into todo_labels (todo_id, label_id, user_id)
     select o.id, ($2::uuid[])[1 + l % cardinality($2::uuid[])], $1
     from (select id, row_number() over (order by created_at) as n from todos where user_id = $1) as o
     cross join lateral (select o.n as l union select o.n * 7 where o.n % 4 = 0) as ls
     on conflict do nothing`,
    [userId, labels],
  );
  const [projectId, labelId] = [projects[0], labels[0]];
  if (!projectId || !labelId) throw new Error("no project or label seeded");
  return { projectId, labelId };
}

// Each user's live todos counted, as migration 0004 counted them and the API keeps them: every
// create takes a place in its owner's row (todo_counts), on every host alike.
const COUNT_LIVE_TODOS = `
  insert into todo_counts (user_id, live)
  select "user".id, count(t.id) from "user" left join todos t on t.user_id = "user".id and t.deleted_at is null
  group by "user".id
  on conflict (user_id) do update set live = excluded.live`;

/** Users (as Better Auth writes them) and their todos, in a few statements, then ANALYZE. */
export async function seed(url: string, sizes: SeedSizes): Promise<Fixtures> {
  const users = Array.from({ length: sizes.users }, (_, i) => benchUser(`user-${i + 1}`));
  const growth = { large: benchUser("growth-large"), small: benchUser("growth-small") };
  const everyone = [...users, growth.large, growth.small];

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into "user" (id, name, email, email_verified, image, created_at, updated_at)
       select id, name, email, false, null, now(), now()
       from unnest($1::text[], $2::text[], $3::text[]) as u(id, name, email)`,
      [everyone.map((u) => u.id), everyone.map((u) => u.name), everyone.map((u) => u.email)],
    );
    await insertTodos(
      client,
      users.map((u) => u.id),
      sizes.todosPerUser,
    );
    await insertTodos(client, [growth.large.id], sizes.largeTodos);
    await insertTodos(client, [growth.small.id], sizes.smallTodos);
    const spread = { projects: sizes.growthProjects, labels: sizes.growthLabels };
    const large = { ...growth.large, ...(await spreadTodos(client, growth.large.id, spread)) };
    const small = { ...growth.small, ...(await spreadTodos(client, growth.small.id, spread)) };
    await client.query(COUNT_LIVE_TODOS);
    await client.query("analyze");

    const { rows } = await client.query<{ user_id: string; id: string }>(
      "select user_id, id from todos where user_id = any($1) order by id",
      [users.map((u) => u.id)],
    );
    const todoIds = new Map<string, string[]>(users.map((u) => [u.id, []]));
    for (const row of rows) todoIds.get(row.user_id)?.push(row.id);
    return {
      users: users.map((u) => ({ ...u, todoIds: todoIds.get(u.id) ?? [] })),
      growth: { large, small },
    };
  } finally {
    await client.end();
  }
}

/**
 * Puts the data back as seeded, so every host meets the same rows: removes the todos the
 * create scenario added and the places they took in the live counts, undoes the patches, and
 * vacuums the dead rows all three left behind.
 */
export async function resetData(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("delete from todos where title = $1", [CREATED_TITLE]);
    await client.query(
      "update todos set completed = false, completed_at = null, version = 1, updated_at = created_at where version <> 1",
    );
    await client.query(COUNT_LIVE_TODOS);
    await client.query("vacuum analyze todos, todo_counts");
  } finally {
    await client.end();
  }
}
