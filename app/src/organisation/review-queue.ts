// The order of the reviewer's queue as they last saw it (filtered), kept for this tab when they open a report from
// "Reports to review", so the report page can offer the next one.
const key = 'margin-review-queue';

export function keepQueueOrder(ids: string[]): void {
  sessionStorage.setItem(key, JSON.stringify(ids));
}

/** The report after `id` in the kept queue, or undefined when `id` was not opened from it or is the last. */
export function nextInQueue(id: string): string | undefined {
  let ids: unknown;
  try {
    ids = JSON.parse(sessionStorage.getItem(key) ?? '[]');
  } catch {
    return undefined;
  }
  if (!Array.isArray(ids)) return undefined;
  const at = ids.indexOf(id);
  const next = at >= 0 ? ids[at + 1] : undefined;
  return typeof next === 'string' ? next : undefined;
}
