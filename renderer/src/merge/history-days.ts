// The history dialog's steps grouped by the day they were taken (the user's own calendar day, not UTC), newest first
// as given; each day's steps keep their order.

export interface Day<E> {
  /** yyyy-mm-dd in the local time zone. */
  key: string;
  entries: E[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of an ISO time stamp. */
export function localDay(at: string): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Consecutive steps of the same day together (the journal is in time order, so each day is one group). */
export function groupByDay<E extends { at: string }>(entries: readonly E[], dayOf = localDay): Day<E>[] {
  const days: Day<E>[] = [];
  for (const e of entries) {
    const key = dayOf(e.at);
    const last = days.at(-1);
    if (last && last.key === key) last.entries.push(e);
    else days.push({ key, entries: [e] });
  }
  return days;
}
