import '../testing/fake-browser-global.ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ok } from '../../shared/result.ts';
import type { CheckReply, OffscreenRequest } from '../messages.ts';
import { addOwnWord, allPersonalWords, replaceAppWords } from '../settings/personal-words.ts';
import { currentRuleSettings, ruleSettings } from '../settings/settings.ts';
import { routeRequest, type BackgroundParts, type OffscreenChecker } from './route-request.ts';

const found: CheckReply = ok({
  findings: [
    {
      kind: 'spelling',
      rule: 'spelling/unknown-word',
      start: 4,
      end: 12,
      text: 'acheived',
      message: '…',
      suggestions: [],
    },
    { kind: 'grammar', rule: 'grammar/could-of', start: 20, end: 22, text: 'of', message: '…', suggestions: ['have'] },
  ],
});

const handedOver: string[][] = [];

function parts(offscreen: OffscreenChecker): BackgroundParts {
  return {
    offscreen,
    settings: currentRuleSettings,
    words: { replaceAppWords, addOwnWord, handOver: async () => void handedOver.push(await allPersonalWords()) },
  };
}

function answeringOffscreen(order: string[] = []) {
  return {
    ensureDocument: vi.fn(async () => void order.push('ensure')),
    send: vi.fn(async (request: OffscreenRequest) => {
      order.push('send');
      return (request.type === 'suggest' ? ok(['achieved']) : found) as never;
    }),
  } satisfies OffscreenChecker;
}

describe('routeRequest', () => {
  beforeEach(() => fakeBrowser.reset());

  it('makes sure the offscreen document exists, then passes the text and its field on to it', async () => {
    const order: string[] = [];
    const offscreen = answeringOffscreen(order);
    const context = { form: 'session-report', field: 'learningObjective1' };
    await expect(
      routeRequest({ to: 'background', type: 'check-text', text: 'She acheived it', context }, parts(offscreen)),
    ).resolves.toEqual(found);
    expect(order).toEqual(['ensure', 'send']);
    expect(offscreen.send).toHaveBeenCalledWith({
      to: 'offscreen',
      type: 'check-text',
      text: 'She acheived it',
      context,
    });
  });

  it('drops the findings of kinds the user switched off in the options', async () => {
    await ruleSettings.setValue({ spelling: true, grammar: false, prompt: true });
    const reply = await routeRequest({ to: 'background', type: 'check-text', text: 'x' }, parts(answeringOffscreen()));
    expect(reply.ok && 'findings' in reply.value && reply.value.findings.map((finding) => finding.kind)).toEqual([
      'spelling',
    ]);
  });

  it('passes a word to suggest for on to the offscreen checker', async () => {
    const offscreen = answeringOffscreen();
    await expect(
      routeRequest({ to: 'background', type: 'suggest', word: 'acheived' }, parts(offscreen)),
    ).resolves.toEqual(ok(['achieved']));
    expect(offscreen.send).toHaveBeenCalledWith({ to: 'offscreen', type: 'suggest', word: 'acheived' });
  });

  it("keeps the app's words and the words added from a suggestion in storage", async () => {
    const offscreen = answeringOffscreen();
    await expect(
      routeRequest({ to: 'background', type: 'app-personal-words', words: ['Kwame'] }, parts(offscreen)),
    ).resolves.toEqual({ ok: true });
    await expect(
      routeRequest({ to: 'background', type: 'add-personal-word', word: 'Zainab’s' }, parts(offscreen)),
    ).resolves.toEqual({ ok: true, value: 'Zainab' });
    await expect(
      routeRequest({ to: 'background', type: 'add-personal-word', word: '2 words' }, parts(offscreen)),
    ).resolves.toMatchObject({ ok: false });
    expect(await allPersonalWords()).toEqual(['Kwame', 'Zainab']);
  });

  it('hands the stored words to the offscreen checker before answering a page that saw them change', async () => {
    handedOver.length = 0;
    const order: string[] = [];
    await addOwnWord('Kwabena');
    await expect(
      routeRequest({ to: 'background', type: 'sync-personal-words' }, parts(answeringOffscreen(order))),
    ).resolves.toEqual({ ok: true });
    expect(order).toEqual(['ensure']);
    expect(handedOver).toEqual([['Kwabena']]);
  });

  it('says the checker could not start when the offscreen document cannot be made', async () => {
    const offscreen: OffscreenChecker = {
      ensureDocument: async () => {
        throw new Error('Only a single offscreen document may be created.');
      },
      send: vi.fn(),
    };
    await expect(routeRequest({ to: 'background', type: 'check-text', text: 'x' }, parts(offscreen))).resolves.toEqual({
      ok: false,
      problem: 'The checker could not start: Only a single offscreen document may be created.',
    });
    expect(offscreen.send).not.toHaveBeenCalled();
  });

  it('says so when nobody answers', async () => {
    const offscreen: OffscreenChecker = { ensureDocument: async () => {}, send: async () => undefined };
    const reply = await routeRequest({ to: 'background', type: 'suggest', word: 'x' }, parts(offscreen));
    expect(reply).toMatchObject({ ok: false, problem: expect.stringContaining('did not answer') });
  });
});
