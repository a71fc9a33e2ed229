// The relay's structured log: one JSON object per line on stderr (pino), so stdout carries only the
// "listening on" line. What is logged: rooms, report ids, roles, token ids (jti), close codes and reasons,
// sizes and counts. What never is: document content, awareness states and tokens.
import { pino, type DestinationStream, type Logger } from 'pino';

export type Log = Logger;

export function createLog(
  destination: DestinationStream = pino.destination({ fd: 2, sync: true }),
  level = process.env.LOG_LEVEL || 'info',
): Log {
  return pino({ level, base: { service: 'margin-relay' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** A log kept in memory, for tests to read what was logged. */
export function memoryLog(): { log: Log; lines: () => Array<Record<string, unknown>>; text: () => string } {
  const chunks: string[] = [];
  const log = createLog({ write: (chunk: string) => void chunks.push(chunk) }, 'debug');
  const text = () => chunks.join('');
  return {
    log,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
