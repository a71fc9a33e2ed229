// /account: a signed-in member's own passkeys (add one for another device, remove one), the devices where
// they are signed in, and the e-mail address their notifications are mailed to (EmailSection.tsx). The relay keeps the last passkey from being removed, so nobody locks themselves out.
import { createResource, createSignal, For, Show } from 'solid-js';
import { memberRoleLabels, type PasskeyView } from '../../../shared/protocol/organisations.ts';
import { Answered } from './Answered.tsx';
import { EmailSection } from './EmailSection.tsx';
import { organisationApi } from './organisation-api.ts';
import { addPasskey } from './passkey-ceremonies.ts';
import { signedIn } from './signed-in.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import './organisation.css';

export function AccountPage() {
  const [passkeys, { refetch: refetchPasskeys }] = createResource(
    () => signedIn()?.member.id,
    () => organisationApi.passkeys(),
  );
  const [sessions] = createResource(
    () => signedIn()?.member.id,
    () => organisationApi.sessions(),
  );
  const [label, setLabel] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const add = async () => {
    setProblem('');
    setStatus('');
    setBusy(true);
    const added = await addPasskey(label().trim() || undefined);
    setBusy(false);
    if (!added.ok) return setProblem(added.problem.message);
    setLabel('');
    setStatus('Passkey added. You can sign in with it from now on.');
    void refetchPasskeys();
  };

  const remove = async (passkey: PasskeyView) => {
    setProblem('');
    setStatus('');
    const removed = await organisationApi.removePasskey(passkey.id);
    if (!removed.ok) return setProblem(removed.problem.message);
    setStatus(`The passkey “${passkey.label}” is removed: it no longer signs you in.`);
    void refetchPasskeys();
  };

  return (
    <Show
      when={signedIn()}
      fallback={
        <section class="card narrow organisation-page">
          <h1>Your account</h1>
          <Show when={signedIn() === null} fallback={<p role="status">Asking the relay who you are…</p>}>
            <p role="alert">
              You are not signed in on this device. <a href="/sign-in">Sign in</a>
            </p>
          </Show>
        </section>
      }
    >
      {(view) => (
        <div class="organisation-page">
          <h1>Your account</h1>
          <p>
            {view().member.name}, {memberRoleLabels[view().member.role]} at {view().organisation.name}.
          </p>
          <section class="card" aria-labelledby="passkeys-heading">
            <h2 id="passkeys-heading">Your passkeys</h2>
            <Answered answer={passkeys()} awaiting="Loading your passkeys…">
              {(list) => (
                <ul class="plain-list" aria-label="Your passkeys">
                  <For each={list().passkeys}>
                    {(passkey) => (
                      <li>
                        <span>
                          <strong>{passkey.label}</strong>
                          <span class="muted">
                            {' '}
                            added {formatMoment(passkey.createdAt)}
                            {passkey.lastUsedAt ? `, last used ${formatMoment(passkey.lastUsedAt)}` : ''}
                          </span>
                        </span>
                        <button type="button" class="secondary" onClick={() => remove(passkey)}>
                          Remove<span class="visually-hidden"> the passkey “{passkey.label}”</span>
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              )}
            </Answered>
            <h3>Add a passkey for another device</h3>
            <p class="hint">
              Make it on this device, or with a security key or phone the browser offers, so you can sign in from there
              too.
            </p>
            <div class="row">
              <div class="field">
                <label for="passkey-label">Name for the passkey (optional)</label>
                <input
                  id="passkey-label"
                  type="text"
                  maxLength={80}
                  value={label()}
                  onInput={(event) => setLabel(event.currentTarget.value)}
                />
              </div>
              <div class="field">
                <button type="button" onClick={add} disabled={busy()}>
                  Add a passkey
                </button>
              </div>
            </div>
            <p role="status">{status()}</p>
            <Show when={problem()}>
              <p role="alert" class="error">
                {problem()}
              </p>
            </Show>
          </section>
          <EmailSection />
          <section class="card" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">Where you are signed in</h2>
            <Answered answer={sessions()} awaiting="Loading your sessions…">
              {(list) => (
                <ul class="plain-list" aria-label="Your sessions">
                  <For each={list().sessions}>
                    {(session) => (
                      <li>
                        <span>
                          <strong>{session.label}</strong>
                          <span class="muted">
                            {' '}
                            signed in {formatMoment(session.createdAt)}, last used {formatMoment(session.lastSeenAt)}
                          </span>
                          <Show when={session.current}>
                            <span class="tag">This device</span>
                          </Show>
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              )}
            </Answered>
            <p class="hint">To end them all, this one included, use “Sign out everywhere” at the top of the page.</p>
          </section>
        </div>
      )}
    </Show>
  );
}
