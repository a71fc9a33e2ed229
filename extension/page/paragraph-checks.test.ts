import { describe, expect, it, vi } from 'vitest';
import type { CheckReply } from '../messages.ts';
import { createParagraphChecker, splitParagraphs, WHOLE_FIELD_LIMIT } from './paragraph-checks.ts';

/** A checker that flags every "teh", counting what it is asked. */
function fakeChecker(partial = false) {
  return vi.fn(
    async (text: string): Promise<CheckReply> => ({
      ok: true,
      value: {
        partial,
        findings: [...text.matchAll(/teh/g)].map((match) => ({
          kind: 'spelling' as const,
          rule: 'spelling/unknown-word',
          start: match.index,
          end: match.index + 3,
          text: 'teh',
          message: 'Unknown word',
          suggestions: [],
        })),
      },
    }),
  );
}

const longText = (paragraphs: string[]) =>
  paragraphs.map((line) => line.padEnd(WHOLE_FIELD_LIMIT / 2, ' x')).join('\n');

describe('splitParagraphs', () => {
  it('finds each line with words in it and where it starts', () => {
    expect(splitParagraphs('One\n\nTwo three\n  \nfour')).toEqual([
      { start: 0, text: 'One' },
      { start: 5, text: 'Two three' },
      { start: 18, text: 'four' },
    ]);
  });
});

describe('createParagraphChecker', () => {
  it('checks a short field whole, and does not ask again about the same text', async () => {
    const check = fakeChecker();
    const checker = createParagraphChecker(check);
    const first = await checker.check('Line one\nteh line two', { field: 'progressComment' });
    expect(first).toMatchObject({ ok: true, value: { findings: [{ start: 9, end: 12 }] } });
    await checker.check('Line one\nteh line two', { field: 'progressComment' });
    expect(check).toHaveBeenCalledTimes(1);
    // The same text in another field may get other advice.
    await checker.check('Line one\nteh line two', { field: 'learnerComments' });
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('checks only the changed paragraph of a long document, with findings at their place in the whole text', async () => {
    const check = fakeChecker();
    const checker = createParagraphChecker(check);
    const before = longText(['First teh', 'Second', 'Third']);
    await checker.check(before);
    expect(checker.sent).toBe(3);

    const after = longText(['First teh', 'Second teh', 'Third']);
    const reply = await checker.check(after);
    expect(checker.sent).toBe(4);
    expect(check).toHaveBeenLastCalledWith(expect.stringMatching(/^Second teh/), undefined);
    expect(reply.ok && reply.value.findings.map((finding) => after.slice(finding.start, finding.end))).toEqual([
      'teh',
      'teh',
    ]);
    expect(reply.ok && reply.value.findings[1]!.start).toBe(after.indexOf('Second teh') + 7);
  });

  it('checks only the chosen paragraphs of a long document, keeps showing the answers it has for the others, and counts the rest', async () => {
    const check = fakeChecker();
    const checker = createParagraphChecker(check);
    const text = longText(['First teh', 'Second teh', 'Third teh']);
    const found = (reply: Awaited<ReturnType<typeof checker.check>>) =>
      reply.ok ? reply.value.findings.map((finding) => finding.start) : [];

    const top = await checker.check(text, undefined, () => ({ from: 0, to: 1 }));
    expect(check).toHaveBeenCalledTimes(1);
    expect(top).toMatchObject({ ok: true, value: { unchecked: 2 } });
    expect(found(top)).toEqual([6]);

    // Scrolled to the end: the last paragraph is checked, the first keeps its answer without asking again.
    const end = await checker.check(text, undefined, () => ({ from: 2, to: 3 }));
    expect(check).toHaveBeenCalledTimes(2);
    expect(end).toMatchObject({ ok: true, value: { unchecked: 1 } });
    expect(found(end)).toEqual([6, text.indexOf('Third teh') + 6]);

    // Without a choice (or for a short field) everything is checked.
    expect(await checker.check(text)).toMatchObject({ ok: true, value: { unchecked: 0 } });
    expect(check).toHaveBeenCalledTimes(3);
    const short = await checker.check('Short teh', undefined, () => ({ from: 0, to: 0 }));
    expect(short).toMatchObject({ ok: true, value: { unchecked: 0, findings: [{ start: 6 }] } });
  });

  it('asks again about text whose answer came before the grammar checker had loaded', async () => {
    const check = fakeChecker(true);
    const checker = createParagraphChecker(check);
    expect(await checker.check('teh')).toMatchObject({ ok: true, value: { partial: true } });
    await checker.check('teh');
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('keeps showing an early answer (before the grammar had loaded) for a paragraph scrolled away, and asks again once it is near', async () => {
    const check = fakeChecker(true);
    const checker = createParagraphChecker(check);
    const text = longText(['First teh', 'Second', 'Third']);
    expect(await checker.check(text, undefined, () => ({ from: 0, to: 1 }))).toMatchObject({
      ok: true,
      value: { partial: true, findings: [{ start: 6 }] },
    });
    const away = await checker.check(text, undefined, () => ({ from: 2, to: 3 }));
    expect(away).toMatchObject({ ok: true, value: { partial: true, unchecked: 1, findings: [{ start: 6 }] } });
    expect(check).toHaveBeenCalledTimes(2);
    await checker.check(text, undefined, () => ({ from: 0, to: 1 }));
    expect(check).toHaveBeenCalledTimes(3);
  });

  it('asks again about everything once told to forget (the dictionary changed)', async () => {
    const check = fakeChecker();
    const checker = createParagraphChecker(check);
    await checker.check('teh');
    checker.forget();
    await checker.check('teh');
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('passes on why the checker could not answer', async () => {
    const checker = createParagraphChecker(async () => ({ ok: false, problem: 'The checker could not start: gone' }));
    expect(await checker.check('anything')).toEqual({ ok: false, problem: 'The checker could not start: gone' });
  });
});
