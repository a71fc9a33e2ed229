import { WebAuthnError } from '@simplewebauthn/browser';
import { describe, expect, it } from 'vitest';
import { ceremonyProblem } from './passkey-ceremonies.ts';

const browserError = (name: string) => Object.assign(new Error('from the browser'), { name });

describe('what a passkey prompt’s failure tells the person', () => {
  it('a cancelled or timed-out prompt, making or using a passkey', () => {
    expect(ceremonyProblem(browserError('NotAllowedError'), true)).toMatch(/^No passkey was made/);
    expect(ceremonyProblem(browserError('NotAllowedError'), false)).toMatch(/^You did not sign in/);
  });

  it('a device that already holds a passkey of theirs', () => {
    const error = new WebAuthnError({
      message: 'already registered',
      code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED',
      cause: browserError('InvalidStateError'),
    });
    expect(ceremonyProblem(error, true)).toMatch(/already holds a passkey of yours/);
  });

  it('an address passkeys cannot be bound to', () => {
    expect(ceremonyProblem(browserError('SecurityError'), true)).toMatch(/own address over https/);
  });

  it('anything else, with the browser’s words', () => {
    expect(ceremonyProblem(new Error('Something odd'), false)).toBe('The passkey could not be used: Something odd');
  });
});
