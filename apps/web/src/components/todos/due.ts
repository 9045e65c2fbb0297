/**
 * Due dates as the web app shows and takes them. A todo due on a day without a time is stored
 * as the last millisecond of that local day (23:59:59.999): it becomes overdue when the day
 * ends, and is shown without a time.
 */

const pad = (n: number) => String(n).padStart(2, "0");

const isWholeDay = (date: Date) =>
  date.getHours() === 23 &&
  date.getMinutes() === 59 &&
  date.getSeconds() === 59 &&
  date.getMilliseconds() === 999;

/** The `dueAt` for a date input's `YYYY-MM-DD` and a time input's `HH:MM` (or "" for the whole day). */
export function toDueAt(date: string, time: string): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!day) return null;
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  const local = clock
    ? new Date(
        Number(day[1]),
        Number(day[2]) - 1,
        Number(day[3]),
        Number(clock[1]),
        Number(clock[2]),
      )
    : new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 23, 59, 59, 999);
  return Number.isNaN(local.getTime()) ? null : local.toISOString();
}

/** The date and time inputs' values for a `dueAt` (time "" for a whole day). */
export function fromDueAt(dueAt: string | null): { date: string; time: string } {
  if (dueAt === null) return { date: "", time: "" };
  const d = new Date(dueAt);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return { date, time: isWholeDay(d) ? "" : `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

const startOfDay = (ms: number) => new Date(ms).setHours(0, 0, 0, 0);
const weekday = new Intl.DateTimeFormat("en", { weekday: "short" });
const dayMonth = new Intl.DateTimeFormat("en", { day: "numeric", month: "short" });
const dayMonthYear = new Intl.DateTimeFormat("en", {
  day: "numeric",
  month: "short",
  year: "numeric",
});
const clock = new Intl.DateTimeFormat("en", { hour: "numeric", minute: "2-digit" });

/** "Today", "Tomorrow", "Yesterday", "Fri" (this week), "3 Mar", "3 Mar 2027"; then the time if any. */
export function formatDue(dueAt: string, now: number): string {
  const date = new Date(dueAt);
  const days = Math.round((startOfDay(date.getTime()) - startOfDay(now)) / 86_400_000);
  const day =
    days === 0
      ? "Today"
      : days === 1
        ? "Tomorrow"
        : days === -1
          ? "Yesterday"
          : days > 1 && days < 7
            ? weekday.format(date)
            : date.getFullYear() === new Date(now).getFullYear()
              ? dayMonth.format(date)
              : dayMonthYear.format(date);
  return isWholeDay(date) ? day : `${day} ${clock.format(date)}`;
}
