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
import { CheckedTextField } from './CheckedTextField.tsx';
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
              <CheckedTextField
                id="setup-name"
                label="Organisation’s name"
                autocomplete="organization"
                value={name()}
                set={setName}
                fields={fields}
              />
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
              <CheckedTextField
                id="setup-administrator"
                label="Your name"
                hint="As colleagues will see it beside your comments and signatures."
                autocomplete="name"
                value={administrator()}
                set={setAdministrator}
                fields={fields}
              />
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
