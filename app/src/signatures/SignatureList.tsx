// The signatures on a report, each checked on this device against the report as it stands now: "valid", or
// "no longer valid" once anything it covered has changed.
import { createResource, For, Show } from 'solid-js';
import type { Decision } from '../../../shared/doc/status-doc.ts';
import { checkSignature, type SignatureCheck } from '../../../shared/signatures/signature.ts';
import { useRoleWord } from '../collab/role-words.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import './signatures.css';

const verdicts: Record<SignatureCheck, string> = {
  valid: 'valid',
  changed: 'no longer valid: the report changed after signing',
  'not-genuine': 'not valid: the signature does not match its key',
};

function SignatureLine(props: { decision: Decision; currentHash: string | undefined }) {
  const roleWord = useRoleWord();
  const [check] = createResource(
    () =>
      props.currentHash && props.decision.signature
        ? { signature: props.decision.signature, hash: props.currentHash }
        : undefined,
    ({ signature, hash }) => checkSignature(signature, hash),
  );
  return (
    <li data-check={check.latest ?? 'checking'}>
      Signed by {props.decision.by.name} ({roleWord(props.decision.by.role)}) on{' '}
      {formatMoment(props.decision.at, 'long')}: <strong>{check.latest ? verdicts[check.latest] : 'checking…'}</strong>
    </li>
  );
}

export function SignatureList(props: { decisions: Decision[]; currentHash: string | undefined; expected: string[] }) {
  return (
    <section class="signatures" aria-labelledby="signatures-heading">
      <h2 id="signatures-heading">Signatures</h2>
      <ul aria-live="polite">
        <For each={props.decisions}>
          {(decision) => <SignatureLine decision={decision} currentHash={props.currentHash} />}
        </For>
        <For each={props.expected}>{(who) => <li class="muted">Not yet signed by the {who}.</li>}</For>
      </ul>
      <Show when={props.decisions.length > 0}>
        <p class="hint">
          Each signature was made on its signer’s own device over a fingerprint (SHA-256) of this review; it is checked
          here against the review as it is now.
        </p>
      </Show>
    </section>
  );
}
