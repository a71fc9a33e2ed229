// A connection that does not read what the relay sends is closed once too much waits for it (to reconnect
// later, code 4503), so one slow device cannot make the relay hold unbounded memory; the others carry on.
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { reconnectCodes } from '../shared/protocol/limits.ts';
import { TestSession, eventually } from './testing.ts';

const session = new TestSession();
afterEach(() => session.cleanup());

describe('a slow consumer', () => {
  it('is closed to reconnect once more than the limit waits for it, and the others carry on', async () => {
    const relay = await session.relay({ limits: { bufferedBytes: 256 * 1024 } });
    const writer = await session.provider(relay, 'report-1');
    const reader = await session.provider(relay, 'report-1');
    const stalled = await session.roomSocket(relay, 'report-1', 'reviewer');
    (stalled.socket as unknown as { _socket: Socket })._socket.pause();

    for (let i = 0; i < 120; i++) writer.doc.getText('body').insert(0, `${i}`.padEnd(200_000, '.'));

    await eventually(() =>
      expect(relay.logged.lines()).toContainEqual(
        expect.objectContaining({
          msg: 'closed a connection',
          code: reconnectCodes.slowConsumer,
          role: 'reviewer',
          reason: 'This connection could not keep up with the report; it will reconnect',
        }),
      ),
    );
    await eventually(() => expect(reader.doc.getText('body').length).toBe(120 * 200_000));
    expect(reader.wsconnected).toBe(true);
  });
});
