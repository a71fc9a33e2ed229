// On the account page: the e-mail address a member's notifications (and nothing else) are mailed to, when the
// relay sends mail. Only they and their administrators see it. Checked here with the relay's own schema first.
import { createResource, createSignal, Show } from 'solid-js';
import { EmailRequest } from '../../../shared/protocol/notifications.ts';
import { CheckedTextField } from './CheckedTextField.tsx';
import { createFieldProblems } from './field-problems.ts';
import { emailApi } from './inbox.ts';

export function EmailSection() {
  const [kept, { mutate }] = createResource(() => emailApi.get());
  const [email, setEmail] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const fields = createFieldProblems('account');
  const current = () => {
    const answer = kept();
    return answer?.ok ? answer.value.email : undefined;
  };

  const save = async (wanted: string | null) => {
    setProblem('');
    setStatus('');
    if (wanted !== null && !fields.check(EmailRequest, { email: wanted })) return;
    const saved = await emailApi.set(wanted);
    if (!saved.ok) return setProblem(saved.problem.message);
    mutate(saved);
    setEmail('');
    setStatus(
      saved.value.email
        ? `Notifications will be mailed to ${saved.value.email} when this relay sends mail.`
        : 'Your e-mail address is removed: notifications stay in your inbox only.',
    );
  };

  return (
    <section class="card" aria-labelledby="email-heading">
      <h2 id="email-heading">E-mail for notifications</h2>
      <p>
        <Show
          when={current()}
          fallback="You have not given an e-mail address: your notifications are in your inbox only."
        >
          {(address) => <>Notifications are mailed to {address()}.</>}
        </Show>
      </p>
      <form
        class="row"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(email());
        }}
      >
        <CheckedTextField
          id="account-email"
          label={current() ? 'A new e-mail address' : 'Your e-mail address'}
          hint="Mail says who did what and links to the report; it never carries a report’s words."
          autocomplete="email"
          value={email()}
          set={setEmail}
          fields={fields}
        />
        <div class="field">
          <button type="submit">Save e-mail address</button>
        </div>
        <Show when={current()}>
          <div class="field">
            <button type="button" class="secondary" onClick={() => save(null)}>
              Remove e-mail address
            </button>
          </div>
        </Show>
      </form>
      <p role="status">{status()}</p>
      <Show when={problem()}>
        <p role="alert" class="error">
          {problem()}
        </p>
      </Show>
    </section>
  );
}
