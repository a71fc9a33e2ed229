// /setup: on a relay with no organisation yet, the first visitor makes one and becomes its administrator. The
// relay answers with an administrator's invitation, and the invitation page enrols their passkey, so a reload
// or a refused passkey loses nothing: the link holds the way back.
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import {
  type OrganisationKind,
  organisationKindLabels,
  organisationKinds,
  SetupRequest,
} from '../../../shared/protocol/organisations.ts';
import { Answered } from './Answered.tsx';
import { createFieldProblems } from './field-problems.ts';
import { organisationApi } from './organisation-api.ts';
import './organisation.css';

export function SetUpPage() {
  const navigate = useNavigate();
  const [state] = createResource(() => organisationApi.setupState());
  const [name, setName] = createSignal('');
  const [kind, setKind] = createSignal<OrganisationKind>('agency');
  const [administrator, setAdministrator] = createSignal('');
  const fields = createFieldProblems('setup');
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setProblem('');
    const request = fields.check(SetupRequest, { name: name(), kind: kind(), administrator: administrator() });
    if (!request) return;
    setBusy(true);
    const made = await organisationApi.setUp(request);
    setBusy(false);
    if (!made.ok) return setProblem(made.problem.message);
    navigate(`/invitation#token=${made.value.token}`, { state: { setUp: request.name } });
  };

  return (
    <section class="card narrow organisation-page">
      <h1>Set up your organisation</h1>
      <Answered answer={state()} awaiting="Asking the relay whether it has an organisation…">
        {(setup) => (
          <Show
            when={setup().needed}
            fallback={
              <p>
                This relay has an organisation already. <a href="/sign-in">Sign in</a>, or ask its administrator for an
                invitation.
              </p>
            }
          >
            <p>
              Nobody has set up Margin here yet. Name your organisation; you become its administrator, and make a
              passkey to sign in with.
            </p>
            <form onSubmit={submit} novalidate>
              <div class="field">
                <label for="setup-name">Organisation’s name</label>
                <input
                  id="setup-name"
                  type="text"
                  autocomplete="organization"
                  value={name()}
                  onInput={(event) => fields.edited('setup-name', event.currentTarget.value, setName)}
                  aria-invalid={fields.of('setup-name') ? 'true' : undefined}
                  aria-describedby="setup-name-problem"
                />
                <p class="error" id="setup-name-problem">
                  {fields.of('setup-name')}
                </p>
              </div>
              <fieldset class="choices">
                <legend>What kind of organisation is it?</legend>
                <For each={organisationKinds}>
                  {(each) => (
                    <label class="choice">
                      <input
                        type="radio"
                        name="setup-kind"
                        value={each}
                        checked={kind() === each}
                        onChange={() => setKind(each)}
                      />
                      {organisationKindLabels[each]}
                    </label>
                  )}
                </For>
              </fieldset>
              <div class="field">
                <label for="setup-administrator">Your name</label>
                <p class="hint" id="setup-administrator-hint">
                  As colleagues will see it beside your comments and signatures.
                </p>
                <input
                  id="setup-administrator"
                  type="text"
                  autocomplete="name"
                  value={administrator()}
                  onInput={(event) => fields.edited('setup-administrator', event.currentTarget.value, setAdministrator)}
                  aria-invalid={fields.of('setup-administrator') ? 'true' : undefined}
                  aria-describedby="setup-administrator-hint setup-administrator-problem"
                />
                <p class="error" id="setup-administrator-problem">
                  {fields.of('setup-administrator')}
                </p>
              </div>
              <button type="submit" disabled={busy()}>
                Set up the organisation
              </button>
              <Show when={problem()}>
                <p role="alert" class="error">
                  {problem()}
                </p>
              </Show>
            </form>
          </Show>
        )}
      </Answered>
    </section>
  );
}
