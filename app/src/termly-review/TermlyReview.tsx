// A termly progress review on the report page: the induction tutor's steps while it is a draft; once finished,
// the review as read, the teacher's part (confirm the facts, comment, sign), the signatures checked against the
// review as it stands, and the actions this person may take now. Decisions go through the relay, which alone
// records them (shared/workflow/termly-review.ts says who may do what, and when). The teacher's part is in the
// report's comments room and the status in its status room, both held by the report session.
import { liveQuery } from 'dexie';
import { createSignal, For, onCleanup, Show } from 'solid-js';
import type * as Y from 'yjs';
import {
  factsConfirmedNow,
  lastFinishedAt,
  readTeacherPart,
  teacherComments,
  teacherPart,
} from '../../../shared/reports/termly-review/doc.ts';
import type { Decision } from '../../../shared/doc/status-doc.ts';
import type { TransitionRequest } from '../../../shared/protocol/api.ts';
import { signHash } from '../../../shared/signatures/signature.ts';
import { termlyReviewHash } from '../../../shared/reports/termly-review/signed-content.ts';
import {
  signingActions,
  staleSignatureReason,
  termlyActionsFor,
  type TermlyReviewAction,
} from '../../../shared/reports/termly-review/workflow.ts';
import { TextField } from '../editor/TextField.tsx';
import { SignatureList } from '../signatures/SignatureList.tsx';
import { deviceKeys } from '../signatures/device-keys.ts';
import { accessDb, type HeldLink } from '../sync/access-db.ts';
import { relayApi } from '../sync/relay-api.ts';
import { useReportSession } from '../report-session/ReportSession.tsx';
import { ConfirmFacts } from './ConfirmFacts.tsx';
import { ReviewSteps } from './ReviewSteps.tsx';
import { ReviewSummary } from './ReviewSummary.tsx';
import { ReviewTeacher } from './ReviewTeacher.tsx';
import { signedIn } from '../organisation/signed-in.ts';
import { useRoleWord } from '../collab/role-words.ts';
import { formatMoment } from '../../../shared/forms/uk-dates.ts';
import { withYourName } from '../collab/your-name.ts';
import './termly-review.css';

const actionLabels: Record<TermlyReviewAction, string> = {
  finish: 'Finish: ready for the teacher’s comments',
  'teacher-sign': 'Sign the review',
  'tutor-sign': 'Sign the review',
  amend: 'Amend the review',
  'mark-reviewed': 'Mark as read',
};

/** The signatures of the current round: since the review was last finished. */
function currentSignatures(history: Decision[]): Decision[] {
  const start = history.map((decision) => decision.action).lastIndexOf('finish');
  return history.slice(start + 1).filter((decision) => decision.signature);
}

function createText(fragment: Y.XmlFragment, read: () => string) {
  const [text, setText] = createSignal(read());
  const refresh = () => setText(read());
  fragment.observeDeep(refresh);
  onCleanup(() => fragment.unobserveDeep(refresh));
  return text;
}

export function TermlyReview(props: { doc: Y.Doc; readOnly: boolean }) {
  const session = useReportSession();
  const { reportId, comments } = session;
  const view = session.status.view;
  const [link, setLink] = createSignal<HeldLink | undefined>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const [signTicked, setSignTicked] = createSignal(false);
  const [currentHash, setCurrentHash] = createSignal<string>();
  const subscription = liveQuery(() => accessDb.links.get(reportId)).subscribe(setLink);
  const teacher = createText(teacherComments(comments.doc), () => readTeacherPart(comments.doc).comments);
  const [facts, setFacts] = createSignal(readTeacherPart(comments.doc));
  const part = teacherPart(comments.doc);
  const refreshFacts = () => setFacts(readTeacherPart(comments.doc));
  part.observe(refreshFacts);

  let hashTimer: ReturnType<typeof setTimeout> | undefined;
  let hashRun = 0;
  const rehash = () => {
    clearTimeout(hashTimer);
    hashTimer = setTimeout(() => {
      const run = ++hashRun;
      termlyReviewHash(props.doc, comments.doc)
        .then((hash) => run === hashRun && setCurrentHash(hash))
        .catch((problem) =>
          console.error('[margin] could not fingerprint the review to check its signatures', problem),
        );
    }, 150);
  };
  props.doc.on('update', rehash);
  comments.doc.on('update', rehash);
  rehash();

  onCleanup(() => {
    clearTimeout(hashTimer);
    hashRun++;
    props.doc.off('update', rehash);
    comments.doc.off('update', rehash);
    part.unobserve(refreshFacts);
    subscription.unsubscribe();
  });

  const role = () => link()?.role;
  // The tutor is offered Sign from the moment the review is finished; until the teacher has signed, the relay says why not yet.
  const actions = (): TermlyReviewAction[] => {
    const who = role();
    if (!who) return [];
    const early: TermlyReviewAction[] = who === 'tutor' && view().status === 'teacher-to-comment' ? ['tutor-sign'] : [];
    return [...early, ...termlyActionsFor(view().status, who).filter((action) => action !== 'finish')];
  };

  async function request(action: TermlyReviewAction, name: string): Promise<TransitionRequest> {
    if (!signingActions.includes(action)) return { action, name };
    const keys = await deviceKeys();
    return { action, name, signature: await signHash(keys, await termlyReviewHash(props.doc, comments.doc)) };
  }

  async function decide(action: TermlyReviewAction): Promise<void> {
    const held = link();
    setError('');
    if (!held) {
      setError(
        'Margin has not reached the relay yet: the review is saved on this device; try again once it is online.',
      );
      return;
    }
    if (signingActions.includes(action) && !signTicked()) {
      setError('Tick the box to confirm you are signing this review yourself.');
      return;
    }
    try {
      // The button pressed stays enabled while a name is asked for, so focus can go back to it.
      await withYourName(async (name) => {
        setBusy(true);
        // A signature is over this device's copy; while its last changes are still on their way, the relay says so: sign again.
        for (let attempt = 1; ; attempt++) {
          try {
            // The new status arrives through the status room, which the relay writes before it answers.
            await relayApi.decide(reportId, held.token, await request(action, name));
            setSignTicked(false);
            return;
          } catch (problem) {
            if (!(problem instanceof Error && problem.message === staleSignatureReason && attempt < 10)) throw problem;
            await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
          }
        }
      });
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    } finally {
      setBusy(false);
    }
  }

  const roleWord = useRoleWord();
  const signatures = () => currentSignatures(view().history);
  const expected = () => {
    const signed = new Set(signatures().map((decision) => decision.by.role));
    return (['teacher', 'tutor'] as const).filter((signer) => !signed.has(signer)).map(roleWord);
  };
  const teacherWriting = () => role() === 'teacher' && view().status === 'teacher-to-comment';
  // The owner of an organisation's review (who holds its tutor role through the organisation) names its teacher
  // until the teacher has signed.
  const namesTeacher = () => {
    const held = link();
    const registered = held?.organisationId !== undefined || held?.source === 'member';
    return (
      registered &&
      held?.role === 'tutor' &&
      !held.readOnly &&
      Boolean(signedIn()) &&
      (view().status === 'draft' || view().status === 'teacher-to-comment')
    );
  };
  const confirmedNow = () => factsConfirmedNow(facts(), view().history);

  return (
    <div class="termly-review">
      <Show when={namesTeacher()}>
        <ReviewTeacher reportId={reportId} />
      </Show>
      <Show when={view().status === 'draft' && !props.readOnly} fallback={<ReviewSummary doc={props.doc} />}>
        <ReviewSteps doc={props.doc} finishing={busy()} onFinish={() => decide('finish')} />
      </Show>
      <Show when={view().status !== 'draft'}>
        <section class="teacher-part" aria-labelledby="teacher-part-heading">
          <h2 id="teacher-part-heading">The teacher’s comments</h2>
          <Show when={teacherWriting() && !confirmedNow() && lastFinishedAt(view().history)}>
            {(finishedAt) => <ConfirmFacts doc={props.doc} comments={comments.doc} finishedAt={finishedAt()} />}
          </Show>
          <Show when={confirmedNow()}>
            <p class="muted">
              Details confirmed by {facts().factsConfirmedBy} on {formatMoment(facts().factsConfirmedAt!, 'day')}.
            </p>
          </Show>
          <Show
            when={teacherWriting() && confirmedNow()}
            fallback={
              <p class="teacher-comments" data-testid="teacher-comments">
                {teacher() || 'The teacher has not added comments yet.'}
              </p>
            }
          >
            <TextField
              id="teacherComments"
              label="Your comments"
              hint="Reflect on this report period: does this report reflect the discussions you have had with your induction tutor; are you receiving your full entitlements; where do you feel you need further development, support or guidance?"
              fragment={teacherComments(comments.doc)}
            />
          </Show>
        </section>
      </Show>
      {/* Taken back to amend, the review still shows the signatures made before, and whether they still hold. */}
      <Show when={view().status !== 'draft' || signatures().length > 0}>
        <SignatureList decisions={signatures()} currentHash={currentHash()} expected={expected()} />
      </Show>
      <Show when={actions().length > 0}>
        <div class="workflow-actions termly-actions">
          <Show when={actions().some((action) => signingActions.includes(action))}>
            <div class="field tick">
              <label class="option">
                <input
                  type="checkbox"
                  id="sign-tick"
                  checked={signTicked()}
                  onChange={(event) => setSignTicked(event.currentTarget.checked)}
                />
                <span>Tick this box to digitally sign this progress review. Only you may use your signature.</span>
              </label>
            </div>
          </Show>
          <For each={actions()}>
            {(action) => (
              <button
                type="button"
                class={action === 'amend' ? 'secondary' : undefined}
                disabled={busy()}
                onClick={() => void decide(action)}
              >
                {actionLabels[action]}
              </button>
            )}
          </For>
        </div>
      </Show>
      <Show when={error()}>
        <p role="alert" class="error">
          {error()}
        </p>
      </Show>
    </div>
  );
}
