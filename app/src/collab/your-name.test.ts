import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { nowSignedIn, signOut } from '../organisation/signed-in.ts';
import { loadName } from '../store/profile.ts';
import {
  answerNameQuestion,
  cancelNameQuestion,
  checkName,
  giveName,
  nameAsked,
  withYourName,
  yourName,
} from './your-name.ts';

/** Waits until the name dialog would be open, and answers it as the dialog does. */
async function answer(given: string | null): Promise<void> {
  await expect.poll(() => nameAsked()).toBe(true);
  if (given === null) return cancelNameQuestion();
  const kept = await giveName(given);
  if (!kept.ok) throw new Error(kept.problem);
  answerNameQuestion(kept.value);
}

describe('checkName', () => {
  it('refuses an empty name with a message, and a name longer than 80 characters', () => {
    expect(checkName('   ')).toEqual({ ok: false, problem: 'Enter your name to continue.' });
    expect(checkName('a'.repeat(81))).toEqual({ ok: false, problem: 'A name can be at most 80 characters.' });
    expect(checkName('a'.repeat(80))).toEqual({ ok: true, value: 'a'.repeat(80) });
  });

  it('trims a name and runs its spaces together', () => {
    expect(checkName('  Rita \n  Patel ')).toEqual({ ok: true, value: 'Rita Patel' });
  });
});

// One module for the whole page, as in the app: these run in order on one device.
describe('withYourName on a device with no name', () => {
  it('asks, and does nothing when the person cancels', async () => {
    let acted = false;
    const done = withYourName(() => {
      acted = true;
    });
    await answer(null);
    expect(await done).toBeUndefined();
    expect(acted).toBe(false);
    expect(yourName()).toBeNull();
    expect(await loadName()).toBeNull();
  });

  it('asks once for two actions at the same time, keeps the name on the device and acts with it', async () => {
    const first = withYourName((name) => `approved by ${name}`);
    const second = withYourName((name) => `commented by ${name}`);
    await answer('  Rita Patel ');
    expect(await first).toBe('approved by Rita Patel');
    expect(await second).toBe('commented by Rita Patel');
    expect(yourName()).toBe('Rita Patel');
    expect(await loadName()).toBe('Rita Patel');
  });

  it('does not ask again', async () => {
    expect(await withYourName((name) => name)).toBe('Rita Patel');
    expect(nameAsked()).toBe(false);
  });

  it('acts as a signed-in member by their account’s name, without asking', async () => {
    nowSignedIn({
      member: { id: 'm1', name: 'Mo Member', role: 'tutor', createdAt: '2026-12-01T00:00:00.000Z' },
      organisation: { id: 'o1', name: 'Tutors Ltd', kind: 'agency', sessionIdleMinutes: 30 },
    });
    expect(yourName()).toBe('Mo Member');
    expect(await withYourName((name) => name)).toBe('Mo Member');
    expect(nameAsked()).toBe(false);
    await signOut();
  });
});
