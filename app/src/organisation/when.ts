/** A moment as the organisation pages and the share panel show it: "4 Dec 2026, 09:30". */
export const when = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
