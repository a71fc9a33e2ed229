// The three passkey ceremonies of the app, each from the relay's options through the browser's WebAuthn prompt
// (@simplewebauthn/browser) to the relay's check: enrolling with an invitation, signing in, and adding a passkey
// for another device. Whatever stops one (the person cancels, the device has no passkeys, the relay refuses) is a
// problem in words, never an exception.
import {
  browserSupportsWebAuthn,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
  WebAuthnError,
} from '@simplewebauthn/browser';
import type { SessionView } from '../../../shared/protocol/organisations.ts';
import { fail, ok } from '../../../shared/result.ts';
import { type ApiResult, organisationApi } from './organisation-api.ts';

const noWebAuthn =
  'This browser cannot use passkeys. Open Margin in an up-to-date Chrome, Edge, Firefox or Safari, over https.';

/** What went wrong in the browser's own part of a ceremony, for the person at it. */
export function ceremonyProblem(error: unknown, making: boolean): string {
  const code = error instanceof WebAuthnError ? error.code : undefined;
  const name = error instanceof Error ? error.name : '';
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || name === 'InvalidStateError')
    return 'This device already holds a passkey of yours for Margin: sign in with it instead.';
  if (code === 'ERROR_INVALID_DOMAIN' || code === 'ERROR_INVALID_RP_ID' || name === 'SecurityError')
    return 'Passkeys work only where Margin is opened at its own address over https. Ask whoever runs Margin.';
  if (name === 'NotAllowedError' || code === 'ERROR_CEREMONY_ABORTED')
    return making
      ? 'No passkey was made: the request was cancelled or timed out. Try again when you are ready.'
      : 'You did not sign in: the request was cancelled or timed out, or this device holds no passkey for Margin here.';
  return `The passkey could not be used: ${error instanceof Error ? error.message : String(error)}`;
}

async function make(options: unknown): Promise<ApiResult<unknown>> {
  if (!browserSupportsWebAuthn()) return fail({ message: noWebAuthn, status: 0 });
  try {
    return ok(await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON }));
  } catch (error) {
    return fail({ message: ceremonyProblem(error, true), status: 0 });
  }
}

/** Makes a passkey on this device for the invitation's member, uses the invitation up, and signs them in. */
export async function enrolWithInvitation(token: string): Promise<ApiResult<SessionView>> {
  const options = await organisationApi.enrolmentOptions(token);
  if (!options.ok) return options;
  const made = await make(options.value);
  if (!made.ok) return made;
  return organisationApi.enrol(token, made.value);
}

/** Signs in with a passkey this device holds (the browser offers the ones it has for Margin). */
export async function signInWithPasskey(): Promise<ApiResult<SessionView>> {
  if (!browserSupportsWebAuthn()) return fail({ message: noWebAuthn, status: 0 });
  const options = await organisationApi.signInOptions();
  if (!options.ok) return options;
  let answer: unknown;
  try {
    answer = await startAuthentication({ optionsJSON: options.value as PublicKeyCredentialRequestOptionsJSON });
  } catch (error) {
    return fail({ message: ceremonyProblem(error, false), status: 0 });
  }
  return organisationApi.signIn(answer);
}

/** Adds a passkey, made on this device or a security key, to the signed-in member's own. */
export async function addPasskey(label?: string): Promise<ApiResult<string>> {
  const options = await organisationApi.passkeyOptions();
  if (!options.ok) return options;
  const made = await make(options.value);
  if (!made.ok) return made;
  const added = await organisationApi.addPasskey(made.value, label);
  return added.ok ? ok(added.value.id) : added;
}
