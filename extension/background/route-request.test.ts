import '../testing/fake-browser-global.ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ok } from '../../shared/result.ts';
import type { CheckReply, OffscreenRequest } from '../messages.ts';
import { addOwnWord, allPersonalWords, replaceAppWords } from '../settings/personal-words.ts';
import { currentRuleSettings, ruleSettings } from '../settings/settings.ts';
import type { Checker } from './checker.ts';
import { routeRequest, type BackgroundParts } from './route-request.ts';

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

function parts(checker: Checker): BackgroundParts {
  return {
    checker,
    settings: currentRuleSettings,
    words: { replaceAppWords, addOwnWord, handOver: async () => void handedOver.push(await allPersonalWords()) },
  };
}

function answeringChecker(order: string[] = []) {
  return {
    start: vi.fn(async () => void order.push('ensure')),
    send: vi.fn(async (request: OffscreenRequest) => {
      order.push('send');
      return (request.type === 'suggest' ? ok(['achieved']) : found) as never;
    }),
  } satisfies Checker;
}

describe('routeRequest', () => {
  beforeEach(() => fakeBrowser.reset());

  it('makes sure the checker is running, then passes the text and its field on to it', async () => {
    const order: string[] = [];
    const checker = answeringChecker(order);
    const context = { form: 'session-report', field: 'learningObjective1' };
    await expect(
      routeRequest({ to: 'background', type: 'check-text', text: 'She acheived it', context }, parts(checker)),
    ).resolves.toEqual(found);
    expect(order).toEqual(['ensure', 'send']);
    expect(checker.send).toHaveBeenCalledWith({
      to: 'offscreen',
      type: 'check-text',
      text: 'She acheived it',
      context,
    });
  });

  it('drops the findings of kinds the user switched off in the options', async () => {
    await ruleSettings.setValue({ spelling: true, grammar: false, prompt: true });
    const reply = await routeRequest({ to: 'background', type: 'check-text', text: 'x' }, parts(answeringChecker()));
    expect(reply.ok && 'findings' in reply.value && reply.value.findings.map((finding) => finding.kind)).toEqual([
      'spelling',
    ]);
  });

  it('passes a word to suggest for on to the checker', async () => {
    const checker = answeringChecker();
    await expect(
      routeRequest({ to: 'background', type: 'suggest', word: 'acheived' }, parts(checker)),
    ).resolves.toEqual(ok(['achieved']));
    expect(checker.send).toHaveBeenCalledWith({ to: 'offscreen', type: 'suggest', word: 'acheived' });
  });

  it("keeps the app's words and the words added from a suggestion in storage", async () => {
    const checker = answeringChecker();
    await expect(
      routeRequest({ to: 'background', type: 'app-personal-words', words: ['Kwame'] }, parts(checker)),
    ).resolves.toEqual({ ok: true });
    await expect(
      routeRequest({ to: 'background', type: 'add-personal-word', word: 'Zainab’s' }, parts(checker)),
    ).resolves.toEqual({ ok: true, value: 'Zainab' });
    await expect(
      routeRequest({ to: 'background', type: 'add-personal-word', word: '2 words' }, parts(checker)),
    ).resolves.toMatchObject({ ok: false });
    expect(await allPersonalWords()).toEqual(['Kwame', 'Zainab']);
  });

  it('hands the stored words to the checker before answering a page that saw them change', async () => {
    handedOver.length = 0;
    const order: string[] = [];
    await addOwnWord('Kwabena');
    await expect(
      routeRequest({ to: 'background', type: 'sync-personal-words' }, parts(answeringChecker(order))),
    ).resolves.toEqual({ ok: true });
    expect(order).toEqual(['ensure']);
    expect(handedOver).toEqual([['Kwabena']]);
  });

  it('says the checker could not start when it cannot be made (no offscreen document in Chromium, no worker in Firefox)', async () => {
    const checker: Checker = {
      start: async () => {
        throw new Error('Only a single offscreen document may be created.');
      },
      send: vi.fn(),
    };
    await expect(routeRequest({ to: 'background', type: 'check-text', text: 'x' }, parts(checker))).resolves.toEqual({
      ok: false,
      problem: 'The checker could not start: Only a single offscreen document may be created.',
    });
    expect(checker.send).not.toHaveBeenCalled();
  });

  it('says so when nobody answers', async () => {
    const checker: Checker = { start: async () => {}, send: async () => undefined };
    const reply = await routeRequest({ to: 'background', type: 'suggest', word: 'x' }, parts(checker));
    expect(reply).toMatchObject({ ok: false, problem: expect.stringContaining('did not answer') });
  });
});
