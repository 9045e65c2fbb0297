import { PRIORITIES, type Priority } from "@repo/contracts/todo";

/** The stored value of a priority level: 1 (low) to 4 (urgent), so it sorts as it reads. */
export const priorityValue = (level: Priority): number => PRIORITIES.indexOf(level) + 1;

export function priorityLevel(value: number): Priority {
  const level = PRIORITIES[value - 1];
  // The column's check constraint keeps it within 1–4.
  if (!level) throw new Error(`priority ${value} is not a level`);
  return level;
}
