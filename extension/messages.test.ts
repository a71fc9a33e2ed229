import { describe, expect, it, vi } from 'vitest';
import { answerMessagesTo, isMessageTo } from './messages.ts';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('isMessageTo', () => {
  it('tells messages for one part of the extension from the rest', () => {
    expect(isMessageTo({ to: 'offscreen', type: 'check-text', text: '' }, 'offscreen')).toBe(true);
    expect(isMessageTo({ to: 'background', type: 'check-text', text: '' }, 'offscreen')).toBe(false);
    expect(isMessageTo('check-text', 'offscreen')).toBe(false);
    expect(isMessageTo(null, 'page')).toBe(false);
  });
});

describe('answerMessagesTo', () => {
  it('answers its own messages asynchronously, keeping the channel open', async () => {
    const listener = answerMessagesTo('background', async (request) => ({
      ok: true as const,
      value: { findings: [], echoed: request.type === 'check-text' ? request.text : '' },
    }));
    const sendResponse = vi.fn();
    expect(listener({ to: 'background', type: 'check-text', text: 'hello' }, {}, sendResponse)).toBe(true);
    await flush();
    expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: { findings: [], echoed: 'hello' } });
  });

  it('leaves messages for others alone, so their own listener can answer', () => {
    const answer = vi.fn();
    const sendResponse = vi.fn();
    expect(
      answerMessagesTo('offscreen', answer)({ to: 'background', type: 'check-text', text: '' }, {}, sendResponse),
    ).toBeUndefined();
    expect(answer).not.toHaveBeenCalled();
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('answers with the problem when answering fails, rather than leaving the sender waiting', async () => {
    const sendResponse = vi.fn();
    const failing = answerMessagesTo('offscreen', async () => {
      throw new Error('worker gone');
    });
    failing({ to: 'offscreen', type: 'check-text', text: '' }, {}, sendResponse);
    await flush();
    expect(sendResponse).toHaveBeenCalledWith({ ok: false, problem: "Margin's checks stopped working: worker gone" });

    const page = answerMessagesTo('page', async () => {
      throw new Error('no fields');
    });
    page({ to: 'page', type: 'page-status' }, {}, sendResponse);
    await flush();
    expect(sendResponse).toHaveBeenLastCalledWith({
      fields: 0,
      findings: 0,
      problem: "Margin's checks stopped working: no fields",
    });
  });
});
