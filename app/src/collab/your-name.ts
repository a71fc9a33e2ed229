// Who this person is to others in a report: a signed-in member by their account's name, anyone else (a share link's
// holder, a tutor on their own device) by the name given on this device. Reading never asks; acting does (a comment,
// a decision, a signature, a cycle finished): the first action on a device with no name opens the name dialog
// (NameDialog.tsx), and the name given is kept on the device, so it is asked once. Until issue 10's accounts replace it.
import { createSignal } from 'solid-js';
import { fail, ok, type Result } from '../../../shared/result.ts';
import { checkSignedIn, signedIn } from '../organisation/signed-in.ts';
import { loadName, saveName } from '../store/profile.ts';

/** As long as presence shows a name (presence.ts); a decision and a comment take longer ones. */
export const longestName = 80;

/** A name as a person types it: trimmed, spaces run together, not empty, not too long. */
export function checkName(given: string): Result<string> {
  const name = given.trim().replace(/\s+/g, ' ');
  if (!name) return fail('Enter your name to continue.');
  if (Array.from(name).length > longestName) return fail(`A name can be at most ${longestName} characters.`);
  return ok(name);
}

/** Undefined until read from the device; null when none was given. */
const [deviceName, setDeviceName] = createSignal<string | null | undefined>(undefined);
let reading: Promise<string | null> | undefined;

function readDeviceName(): Promise<string | null> {
  reading ??= loadName().then(
    (name) => {
      setDeviceName(name);
      return name;
    },
    () => {
      setDeviceName(null);
      return null;
    },
  );
  return reading;
}

/**
 * The name the share link of the open report was made for, when its maker named the person: the relay holds what is
 * said with the link to it, so it is the name here, whoever is signed in and whatever this device was given.
 */
const [linkName, setLinkName] = createSignal<string | undefined>();
export const nameFromLink = (name: string | undefined) => setLinkName(name);

/** The name this person is shown by now: undefined until known, null while they have given none. */
export function yourName(): string | null | undefined {
  const named = linkName();
  if (named) return named;
  const member = signedIn()?.member.name;
  if (member) return member;
  void readDeviceName();
  return deviceName();
}

/** Keeps a name given on this device (the home page, the name dialog), or says what is wrong with it. */
export async function giveName(given: string): Promise<Result<string>> {
  const checked = checkName(given);
  if (!checked.ok) return checked;
  await saveName(checked.value);
  reading = Promise.resolve(checked.value);
  setDeviceName(checked.value);
  return checked;
}

/** The open question to the name dialog: answered with the name given, or null when the person cancelled. */
const [answer, setAnswer] = createSignal<((name: string | null) => void) | null>(null);
let asking: Promise<string | null> | undefined;

function askName(): Promise<string | null> {
  asking ??= new Promise((resolve) =>
    setAnswer(() => (name: string | null) => {
      setAnswer(null);
      asking = undefined;
      resolve(name);
    }),
  );
  return asking;
}

/** Whether someone is being asked for their name now (the name dialog is open). */
export const nameAsked = () => answer() !== null;

/** The name dialog's answer, once the name is kept (giveName) and the dialog closed: the waiting actions go on. */
export const answerNameQuestion = (name: string) => answer()?.(name);

/** The name dialog was cancelled: the waiting actions are not taken. */
export const cancelNameQuestion = () => answer()?.(null);

/**
 * Carries out `act` with this person's name, asking for it first when this device has none: undefined, and
 * nothing done, when they cancel.
 */
export async function withYourName<T>(act: (name: string) => T | Promise<T>): Promise<T | undefined> {
  const named = linkName();
  if (named) return act(named);
  await checkSignedIn().catch(() => undefined);
  const name = signedIn()?.member.name ?? (await readDeviceName()) ?? (await askName());
  return name === null ? undefined : act(name);
}
