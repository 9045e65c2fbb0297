const two = (n: number) => String(n).padStart(2, "0");

/**
 * A due date in local time, short: `2026-12-01` for a whole day (what `--due 2026-12-01` sets:
 * its last millisecond), else `2026-12-01 17:00`.
 */
export function formatDue(iso: string): string {
  const date = new Date(iso);
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const wholeDay =
    date.getHours() === 23 &&
    date.getMinutes() === 59 &&
    date.getSeconds() === 59 &&
    date.getMilliseconds() === 999;
  return wholeDay ? day : `${day} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
