// Who this browser is signed in as, for every page and the header: one signal, filled by asking the relay
// once, set by the pages that sign in, and cleared when the relay says nobody is signed in (a session that
// ended, a member removed) or the person signs out.
import { createSignal } from 'solid-js';
import {
  type MemberRole,
  memberRoleLabels,
  type OrganisationView,
  type SessionView,
} from '../../../shared/protocol/organisations.ts';
import { ok } from '../../../shared/result.ts';
import { dropEarlyAnswers } from './early-answers.ts';
import { type ApiResult, onSignedOut, organisationApi } from './organisation-api.ts';

/** undefined while not yet known (or the relay is out of reach); null when nobody is signed in here. */
const [session, setKnownSession] = createSignal<SessionView | null | undefined>(undefined);

/**
 * The role this tab was last signed in with (sessionStorage): only which desk a page may ask for before the relay has
 * said who you are (early-answers.ts), never anything the desk shows.
 */
const lastRoleKey = 'margin.last-role';

/** This tab's storage; none outside a browser (the unit tests). */
const tabStorage = () => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);

export const lastRole = (): MemberRole | undefined => {
  const role = tabStorage()?.getItem(lastRoleKey);
  return role && role in memberRoleLabels ? (role as MemberRole) : undefined;
};

function setSession(view: SessionView | null): void {
  // Not when first told: what was asked early went with this same browser's session.
  const before = session();
  if (before !== undefined && before?.member.id !== view?.member.id) dropEarlyAnswers();
  if (view) tabStorage()?.setItem(lastRoleKey, view.member.role);
  else tabStorage()?.removeItem(lastRoleKey);
  setKnownSession(view);
}
/** Whether the relay has no organisation yet, so the first visitor may set one up. */
const [setupNeeded, setSetupNeeded] = createSignal(false);

export const signedIn = session;
export const organisationToSetUp = setupNeeded;

onSignedOut(() => setSession(null));

let asked: Promise<void> | undefined;

/** Asks the relay who this browser is, once per page load unless `again`. */
export function checkSignedIn(again = false): Promise<void> {
  if (!asked || again)
    asked = (async () => {
      const [current, setup] = await Promise.all([organisationApi.session(), organisationApi.setupState()]);
      if (current.ok) setSession(current.value);
      else if (current.problem.status !== 0) setSession(null);
      if (setup.ok) setSetupNeeded(setup.value.needed);
    })();
  return asked;
}

/** After a page signed this browser in. */
export function nowSignedIn(view: SessionView): void {
  setSession(view);
  setSetupNeeded(false);
}

/** After an administrator changed the organisation's settings. */
export function organisationChanged(organisation: OrganisationView): void {
  const current = session();
  if (current) setSession({ ...current, organisation });
}

export async function signOut(): Promise<ApiResult<unknown>> {
  const done = await organisationApi.signOut();
  if (done.ok) setSession(null);
  return done;
}

/** Ends every session of the member, on every device, this one included. */
export async function signOutEverywhere(): Promise<ApiResult<number>> {
  const done = await organisationApi.signOutEverywhere();
  if (!done.ok) return done;
  setSession(null);
  return ok(done.value.ended);
}
