import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerDraftMessages, answerDraftRequest, pageOfSender } from './answer-drafts.ts';
import { createDraftStore, draftKey, draftLifetimeMs, longestDraft } from './draft-store.ts';

const page = 'https://reports.example.org/session/42?learner=7#objectives';
const storage = fakeBrowser.storage.local;
let time = Date.UTC(2026, 10, 23, 10, 42);
const store = createDraftStore(storage, () => time);

beforeEach(() => {
  fakeBrowser.reset();
  time = Date.UTC(2026, 10, 23, 10, 42);
});

describe('draftKey', () => {
  it('names the page by origin, path and query, without the fragment, then the field', () => {
    expect(draftKey(page, 'progressComment')).toBe(
      'draft:https://reports.example.org/session/42?learner=7 progressComment',
    );
  });

  it('keeps pages, queries and sites apart', () => {
    const keys = new Set(
      [
        'https://reports.example.org/session/42?learner=8',
        'https://reports.example.org/session/43?learner=7',
        'http://reports.example.org/session/42?learner=7',
        page,
      ].map((url) => draftKey(url, 'progressComment')),
    );
    expect(keys.size).toBe(4);
  });
});

describe('createDraftStore', () => {
  it('gives back what was saved, with when and the field label', async () => {
    await store.save(page, 'progressComment', 'Sam solved 4 of 5', 'Comment on progress');
    await expect(store.load(page.replace('#objectives', ''), 'progressComment')).resolves.toEqual({
      text: 'Sam solved 4 of 5',
      savedAt: time,
      label: 'Comment on progress',
    });
    await expect(store.load(page, 'engagementComment')).resolves.toBeUndefined();
  });

  it('forgets a copy a week after it was last saved, and removes it', async () => {
    await store.save(page, 'progressComment', 'old text', 'Comment');
    time += draftLifetimeMs;
    await expect(store.load(page, 'progressComment')).resolves.toMatchObject({ text: 'old text' });
    time += 1;
    await expect(store.load(page, 'progressComment')).resolves.toBeUndefined();
    expect(await storage.get(null)).toEqual({});
  });

  it('clears the fields of a sent form and leaves the others', async () => {
    await store.save(page, 'a', 'one', 'A');
    await store.save(page, 'b', 'two', 'B');
    await store.save(page, 'c', 'three', 'C');
    await store.clear(page, ['a', 'b']);
    expect(Object.keys(await storage.get(null))).toEqual([draftKey(page, 'c')]);
  });

  it('prunes expired and unreadable copies, and nothing that is not a draft', async () => {
    await storage.set({ 'personal-words': ['Oluwaseun'], [draftKey(page, 'broken')]: { text: 42 } });
    await store.save(page, 'old', 'old', 'Old');
    time += draftLifetimeMs + 1;
    await store.save(page, 'new', 'new', 'New');
    await expect(store.prune()).resolves.toBe(2);
    expect(Object.keys(await storage.get(null)).sort()).toEqual([draftKey(page, 'new'), 'personal-words']);
  });

  it('treats a copy it cannot read as none, and removes it', async () => {
    await storage.set({ [draftKey(page, 'x')]: 'not a draft' });
    await expect(store.load(page, 'x')).resolves.toBeUndefined();
    expect(await storage.get(null)).toEqual({});
  });

  it('refuses a text too long to keep, with a reason', async () => {
    await expect(store.save(page, 'x', 'a'.repeat(longestDraft + 1), 'X')).rejects.toThrow(
      'longer than 200,000 characters',
    );
  });
});

describe('answerDraftRequest', () => {
  it('saves and loads under the address of the page that asks', async () => {
    await expect(
      answerDraftRequest(
        { to: 'drafts', type: 'save-draft', field: 'f', text: 'kept', label: 'F' },
        { url: page },
        store,
      ),
    ).resolves.toEqual({ ok: true, value: undefined });
    await expect(
      answerDraftRequest({ to: 'drafts', type: 'load-draft', field: 'f' }, { url: page }, store),
    ).resolves.toMatchObject({ ok: true, value: { text: 'kept' } });
    // Another site asking for the same field gets nothing.
    await expect(
      answerDraftRequest(
        { to: 'drafts', type: 'load-draft', field: 'f' },
        { url: 'https://elsewhere.example/session/42?learner=7' },
        store,
      ),
    ).resolves.toEqual({ ok: true, value: undefined });
    await expect(
      answerDraftRequest({ to: 'drafts', type: 'clear-drafts', fields: ['f'] }, { url: page }, store),
    ).resolves.toEqual({ ok: true, value: undefined });
    await expect(store.load(page, 'f')).resolves.toBeUndefined();
  });

  it('answers with a reason when the sender is not a web page or the text cannot be kept', async () => {
    await expect(
      answerDraftRequest(
        { to: 'drafts', type: 'load-draft', field: 'f' },
        { url: 'chrome-extension://abc/popup.html' },
        store,
      ),
    ).resolves.toMatchObject({ ok: false });
    await expect(
      answerDraftRequest({ to: 'drafts', type: 'load-draft', field: 'f' }, undefined, store),
    ).resolves.toMatchObject({ ok: false });
    const long = await answerDraftRequest(
      { to: 'drafts', type: 'save-draft', field: 'f', text: 'a'.repeat(longestDraft + 1), label: 'F' },
      { url: page },
      store,
    );
    expect(long).toEqual({ ok: false, problem: expect.stringContaining('Margin could not keep a copy of your text') });
  });
});

describe('pageOfSender', () => {
  const load = (page?: string) => ({ to: 'drafts', type: 'load-draft', field: 'f', page }) as const;
  const site = 'https://reports.example.org';

  it('is the sender’s own address when it has one, whatever the message names', () => {
    expect(pageOfSender(load('https://elsewhere.example/x'), { url: page, origin: site })).toBe(page);
  });

  it('is the page an editor’s frame with no address of its own names, on the frame’s own origin only', () => {
    for (const frame of ['about:srcdoc', 'about:blank'])
      expect(pageOfSender(load(page), { url: frame, origin: site })).toBe(page);
    expect(pageOfSender(load('https://elsewhere.example/session/42'), { url: 'about:srcdoc', origin: site })).toBe(
      undefined,
    );
    expect(pageOfSender(load(page), { url: 'about:srcdoc' })).toBeUndefined();
    expect(pageOfSender(load(page), { url: 'about:srcdoc', origin: 'null' })).toBeUndefined();
    expect(pageOfSender(load('not an address'), { url: 'about:blank', origin: site })).toBeUndefined();
    expect(pageOfSender(load(), { url: 'about:blank', origin: site })).toBeUndefined();
  });

  it('is nothing for a sender that is not a web page', () => {
    expect(pageOfSender(load(page), { url: 'chrome-extension://abc/popup.html', origin: site })).toBeUndefined();
    expect(pageOfSender(load(page), undefined)).toBeUndefined();
  });
});

describe('a copy kept from an editor’s frame', () => {
  it('is kept under the page the frame is in, given back there for 7 days, then forgotten', async () => {
    const frame = { url: 'about:srcdoc', origin: 'https://reports.example.org' };
    await answerDraftRequest(
      { to: 'drafts', page, type: 'save-draft', field: 'notes', text: 'Sam solved 4 of 5.', label: 'Session notes' },
      frame,
      store,
    );
    // The page itself (the restore prompt's frame, after a reload) finds it under its own address.
    await expect(store.load(page, 'notes')).resolves.toMatchObject({ text: 'Sam solved 4 of 5.' });
    time += draftLifetimeMs;
    await expect(
      answerDraftRequest({ to: 'drafts', page, type: 'load-draft', field: 'notes' }, frame, store),
    ).resolves.toMatchObject({ ok: true, value: { text: 'Sam solved 4 of 5.', label: 'Session notes' } });
    time += 1;
    await expect(
      answerDraftRequest({ to: 'drafts', page, type: 'load-draft', field: 'notes' }, frame, store),
    ).resolves.toEqual({ ok: true, value: undefined });
    expect(await storage.get(null)).toEqual({});
  });
});

describe('answerDraftMessages', () => {
  it('answers only messages addressed to drafts, taking the page from the sender', async () => {
    const listener = answerDraftMessages(store);
    const replies: unknown[] = [];
    expect(
      listener({ to: 'background', type: 'check-text', text: '' }, { url: page }, (reply) => replies.push(reply)),
    ).toBeUndefined();
    expect(
      listener({ to: 'drafts', type: 'save-draft', field: 'f', text: 't', label: 'F' }, { url: page }, (reply) =>
        replies.push(reply),
      ),
    ).toBe(true);
    await expect.poll(() => replies).toEqual([{ ok: true, value: undefined }]);
    await expect(store.load(page, 'f')).resolves.toMatchObject({ text: 't' });
  });
});
