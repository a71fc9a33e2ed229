import { describe, expect, it, vi } from 'vitest';
import type { CheckReply } from '../messages.ts';
import { routeRequest, type OffscreenChecker } from './route-request.ts';

const found: CheckReply = {
  ok: true,
  findings: [{ kind: 'spelling', rule: 'spelling/unknown-word', start: 4, end: 12, text: 'acheived', message: '…', suggestions: [] }],
};

describe('routeRequest', () => {
  it('makes sure the offscreen document exists, then passes the text on to it', async () => {
    const order: string[] = [];
    const offscreen: OffscreenChecker = {
      ensureDocument: vi.fn(async () => void order.push('ensure')),
      send: vi.fn(async () => (order.push('send'), found)),
    };
    await expect(routeRequest({ to: 'background', type: 'check-text', text: 'She acheived it' }, offscreen)).resolves.toEqual(found);
    expect(order).toEqual(['ensure', 'send']);
    expect(offscreen.send).toHaveBeenCalledWith({ to: 'offscreen', type: 'check-text', text: 'She acheived it' });
  });

  it('says the checker could not start when the offscreen document cannot be made', async () => {
    const offscreen: OffscreenChecker = {
      ensureDocument: async () => {
        throw new Error('Only a single offscreen document may be created.');
      },
      send: vi.fn(),
    };
    await expect(routeRequest({ to: 'background', type: 'check-text', text: 'x' }, offscreen)).resolves.toEqual({
      ok: false,
      problem: 'The spelling checker could not start: Only a single offscreen document may be created.',
    });
    expect(offscreen.send).not.toHaveBeenCalled();
  });

  it('says so when nobody answers', async () => {
    const offscreen: OffscreenChecker = { ensureDocument: async () => {}, send: async () => undefined };
    const reply = await routeRequest({ to: 'background', type: 'check-text', text: 'x' }, offscreen);
    expect(reply).toMatchObject({ ok: false, problem: expect.stringContaining('did not answer') });
  });
});
