import { type LiveCountTable, labelCounts, projectCounts, todoCounts } from "@repo/db/schema";
import type { ApiDeps } from "../deps";
import { ApiError, type ProblemCode } from "../http/problem";

/**
 * A per-user cap on live rows of one kind (an abuse bound): the table that counts them, the
 * configured limit, and the 409 a create or restore past it answers.
 */
export interface LiveCap {
  counts: LiveCountTable;
  problem: Extract<ProblemCode, `${string}-limit-reached`>;
  /** What the limit counts, in the problem's detail: `live todos`. */
  counted: string;
  limit(deps: ApiDeps): number;
}

export const TODO_CAP: LiveCap = {
  counts: todoCounts,
  problem: "todo-limit-reached",
  counted: "live todos",
  limit: (deps) => deps.todoLimitPerUser,
};

export const PROJECT_CAP: LiveCap = {
  counts: projectCounts,
  problem: "project-limit-reached",
  counted: "live projects",
  limit: (deps) => deps.projectLimitPerUser,
};

export const LABEL_CAP: LiveCap = {
  counts: labelCounts,
  problem: "label-limit-reached",
  counted: "labels",
  limit: (deps) => deps.labelLimitPerUser,
};

/** The 409 for a write that would take the caller past `cap`, whose limit is `limit`. */
export const limitReached = (cap: LiveCap, limit: number) =>
  new ApiError(
    cap.problem,
    `You have ${limit} ${cap.counted}, the most allowed; delete one before adding another.`,
  );
