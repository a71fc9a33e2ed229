// Answers asked for before the page knows it needs them: a desk's first page, asked as its route is matched alongside
// "who are you?" (GET /api/session) rather than after it. The relay answers for whoever's session cookie goes with the
// request, as it would later. Each answer is used once, only within a few seconds of being asked, and every one is
// dropped when who is signed in here changes: none outlives a sign-out.
const freshForMs = 5_000;

const asked = new Map<string, { at: number; answer: Promise<unknown> }>();

/** Starts `ask` now, for the page to take under `key` shortly (unless one is already waiting). */
export function askEarly(key: string, ask: () => Promise<unknown>): void {
  const waiting = asked.get(key);
  if (waiting && performance.now() - waiting.at < freshForMs) return;
  asked.set(key, { at: performance.now(), answer: ask() });
}

/** The answer asked for early under `key`, once, while fresh; otherwise undefined (ask it now). */
export function takeEarly<T>(key: string): Promise<T> | undefined {
  const waiting = asked.get(key);
  asked.delete(key);
  return waiting && performance.now() - waiting.at < freshForMs ? (waiting.answer as Promise<T>) : undefined;
}

/** Forgets every answer asked early: who is signed in has changed. */
export function dropEarlyAnswers(): void {
  asked.clear();
}
