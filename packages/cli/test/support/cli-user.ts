import { expect } from "vitest";
import type { useApi } from "./api";
import type { CliRun, useBuiltCli } from "./run-cli";

/** `asNewUser()`: a fresh user of `api`, and the built CLI run as that user against its host. */
export function cliUsers(api: ReturnType<typeof useApi>, cli: ReturnType<typeof useBuiltCli>) {
  return async function asNewUser() {
    const user = await api.createUser();
    const env = {
      TODO_API_URL: api.url(),
      TODO_TOKEN: user.token,
      TODO_CONFIG_DIR: "/nonexistent",
    };
    const todo = (...args: string[]) => cli.run(args, env);
    /** stdout parsed, after checking the run succeeded. */
    const json = async (...args: string[]) => {
      const run = await todo(...args);
      expect(run, run.stderr).toMatchObject({ code: 0 });
      return JSON.parse(run.stdout);
    };
    const idOf = (run: Pick<CliRun, "stdout">) =>
      /[0-9a-f]{8}-[0-9a-f-]{27}/.exec(run.stdout)?.[0] as string;
    return { user, env, todo, json, idOf };
  };
}
