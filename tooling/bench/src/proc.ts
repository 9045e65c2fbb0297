import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** The fields of /proc/<pid>/stat the bench reads (times in clock ticks). */
export interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime: CPU time of the process itself. */
  cpuTicks: number;
  /** cutime + cstime: CPU time of its children that have exited and were waited for. */
  childCpuTicks: number;
}

/**
 * Parses /proc/<pid>/stat (proc(5)). The command name, field 2, is in parentheses and may hold
 * spaces and parentheses itself, so fields are counted from the last ")".
 */
export function parseStat(text: string): ProcStat {
  const close = text.lastIndexOf(")");
  if (close === -1) throw new Error("not a /proc/<pid>/stat line");
  const pid = Number(text.slice(0, text.indexOf("(")).trim());
  // After ")": state (field 3), ppid (4), …, utime (14), stime (15), cutime (16), cstime (17).
  const fields = text
    .slice(close + 2)
    .trim()
    .split(" ");
  const field = (n: number) => Number(fields[n - 3]);
  return {
    pid,
    ppid: field(4),
    cpuTicks: field(14) + field(15),
    childCpuTicks: field(16) + field(17),
  };
}

/** A `Name: value kB` line of /proc/<pid>/status (VmHWM, VmRSS), in kB; 0 when absent. */
export function parseStatusKb(text: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, "m").exec(text);
  return match ? Number(match[1]) : 0;
}

/** `root` and every process descending from it, among `all`. */
export function treeOf(root: number, all: ProcStat[]): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const stat of all) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const tree = all.filter((stat) => stat.pid === root);
  for (let i = 0; i < tree.length; i++)
    tree.push(...(children.get((tree[i] as ProcStat).pid) ?? []));
  return tree;
}

const readOrNull = (path: string) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null; // the process ended meanwhile
  }
};

function allProcesses(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const text = readOrNull(`/proc/${entry}/stat`);
    if (text) stats.push(parseStat(text));
  }
  return stats;
}

let ticksPerSecond: number | undefined;

function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    } catch {
      ticksPerSecond = 100; // Linux's USER_HZ nearly everywhere
    }
  }
  return ticksPerSecond;
}

/** What a process tree has used so far: CPU in ms (exited children included) and peak RSS. */
export interface TreeUsage {
  cpuMs: number;
  /** Sum of VmHWM (each process's peak resident set since it started) over the tree, in MB. */
  peakRssMb: number;
  processes: number;
}

export function treeUsage(root: number): TreeUsage {
  const tree = treeOf(root, allProcesses());
  let ticks = 0;
  let hwmKb = 0;
  for (const stat of tree) {
    ticks += stat.cpuTicks + stat.childCpuTicks;
    hwmKb += parseStatusKb(readOrNull(`/proc/${stat.pid}/status`) ?? "", "VmHWM");
  }
  return {
    cpuMs: (ticks * 1000) / clockTicksPerSecond(),
    peakRssMb: hwmKb / 1024,
    processes: tree.length,
  };
}
