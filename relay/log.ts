// The relay's log: one line per event on stderr, so stdout carries only the "listening on" line.
export function log(message: string): void {
  console.error(`[relay] ${message.replace(/[\r\n]+/g, ' ')}`);
}
