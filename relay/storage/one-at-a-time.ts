// Runs work keyed by report one at a time per key, in the order asked, within this process: what a store used
// by one relay process needs for `Storage.exclusively`.
export function oneAtATime(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const queues = new Map<string, Promise<unknown>>();
  return (key, work) => {
    const next = (queues.get(key) ?? Promise.resolve()).then(work);
    const settled = next.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => queues.get(key) === settled && queues.delete(key));
    return next;
  };
}
