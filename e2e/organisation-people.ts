// People of an organisation in real Chromium, each with a virtual authenticator (the DevTools WebAuthn domain):
// shared by the organisations browser tests (organisations, audit-log and organisation-reports specs).
import type { BrowserContext, Page } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { expect, test } from './fixtures.ts';
import { type RunningRelay, startRelay } from './relay.ts';

export const slow = { timeout: 30_000 };

/**
 * A report registered by the member signed in on `page` and written by a raw Yjs client over a real websocket with
 * their member token, as the report's form would write it; returns once the relay holds everything `fill` wrote (a
 * second reader's copy has it).
 */
export async function writeRegisteredReport(
  page: Page,
  relay: RunningRelay,
  id: string,
  fill: (doc: Y.Doc) => void,
): Promise<void> {
  const token = await page.evaluate(async (reportId) => {
    const registered = await fetch('/api/organisation/reports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: reportId }),
    });
    if (registered.status !== 201) throw new Error(`The report was not registered: ${registered.status}`);
    return (await (await fetch(`/api/organisation/reports/${reportId}/token`)).json()).token as string;
  }, id);
  const connect = (doc: Y.Doc) =>
    new WebsocketProvider(`ws://127.0.0.1:${relay.port}/sync`, id, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token },
    });
  const doc = new Y.Doc();
  const writer = connect(doc);
  try {
    await expect.poll(() => writer.synced, slow).toBe(true);
    fill(doc);
    const written = Buffer.from(Y.encodeStateVector(doc));
    const copy = new Y.Doc();
    const reader = connect(copy);
    try {
      await expect.poll(() => reader.synced && written.equals(Y.encodeStateVector(copy)), slow).toBe(true);
    } finally {
      reader.destroy();
    }
  } finally {
    writer.destroy();
  }
}

/**
 * A relay of the spec file's own, started before its tests and stopped after (an organisation is set up on a relay
 * with none). `base` is on localhost, where passkeys work: an IP address cannot be a WebAuthn relying party.
 */
export function relayOfTheirOwn(): { readonly relay: RunningRelay; readonly base: string } {
  const own = {} as { relay: RunningRelay; base: string };
  test.beforeAll(async () => {
    own.relay = await startRelay();
    own.base = `http://localhost:${own.relay.port}`;
  });
  test.afterAll(async () => {
    await own.relay.stop();
  });
  return own;
}

/** A passkey as Chromium's virtual authenticator holds it (the DevTools WebAuthn domain's Credential). */
export interface VirtualPasskey {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

export interface Person {
  page: Page;
  /** Replaces the person's authenticator with a fresh one, as if they had moved to another device. */
  authenticator(): Promise<void>;
  /** The passkeys the authenticator holds, private keys included, as a passkey manager syncs them. */
  passkeys(): Promise<VirtualPasskey[]>;
  /** Puts passkeys another of the person's devices made into this authenticator (a synced passkey). */
  addPasskeys(passkeys: VirtualPasskey[]): Promise<void>;
}

/** A page of its own for one person, with a platform authenticator that says yes (user verified). */
export async function personWithPasskeys(context: BrowserContext): Promise<Person> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  let authenticatorId = '';
  const fresh = async () => {
    if (authenticatorId) await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    }));
  };
  await fresh();
  return {
    page,
    authenticator: fresh,
    passkeys: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
    addPasskeys: async (passkeys) => {
      for (const credential of passkeys) await cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
    },
  };
}

export const header = (page: Page) => page.getByRole('banner');

/** Invites someone from the members page; the link shown once, on the relay at `base`. */
export async function invite(admin: Page, base: string, name: string, role: string): Promise<string> {
  await admin.getByLabel('Their name').fill(name);
  await admin.getByLabel('Their role').selectOption({ label: role });
  await admin.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(admin.getByRole('heading', { name: `Invitation for ${name}` })).toBeVisible(slow);
  await expect(admin.getByLabel(`Link to send to ${name}`)).toBeFocused();
  const link = await admin.getByLabel(`Link to send to ${name}`).inputValue();
  expect(link).toMatch(new RegExp(`^${base}/invitation#token=[A-Za-z0-9_-]{43}$`));
  return link;
}

/** Opens an invitation and makes a passkey with it, signed in as `name`. */
export async function join(page: Page, link: string, name: string, organisation: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole('heading', { name: `Join ${organisation}` })).toBeVisible(slow);
  await expect(page.getByText(`${name}, you are invited`)).toBeVisible();
  await page.getByRole('button', { name: 'Make a passkey and join' }).click();
  await expect(header(page)).toContainText(`Signed in as ${name}`, slow);
}

/**
 * Sets up an organisation (a tutoring agency unless another kind is named) on a relay with none, at `base`, as Ada
 * Admin: her passkey made, on the members page.
 */
export async function setUpAgency(
  admin: Page,
  base: string,
  organisation: string,
  kind: 'Tutoring agency' | 'School' = 'Tutoring agency',
): Promise<void> {
  await admin.goto(`${base}/setup`);
  await admin.getByLabel('Organisation’s name').fill(organisation, slow);
  await admin.getByRole('radio', { name: kind }).check();
  await admin.getByLabel('Your name').fill('Ada Admin');
  await admin.getByRole('button', { name: 'Set up the organisation' }).click();
  await admin.getByRole('button', { name: 'Make a passkey and join' }).click(slow);
  await expect(admin).toHaveURL(`${base}/organisation/members`, slow);
}

/** The organisation's reports the member signed in on `page` may open, as the relay lists them. */
export const listedReports = (page: Page): Promise<{ id: string }[]> =>
  page.evaluate(async () => (await (await fetch('/api/organisation/reports')).json()).reports ?? []);
