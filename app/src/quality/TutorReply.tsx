// The tutor's reply to their observation's feedback. It lives in the observation's `<id>/comments` document,
// which the relay lets a tutor write after the observation is sent (when its content is locked), and is
// kept on this device too (the report session holds the room). Only the observed tutor (a tutor link opened from
// a share) writes it.
import { createSignal, Show } from 'solid-js';
import { tutorReplyKey } from '../../../shared/reports/qa-observation/doc.ts';
import { TextField } from '../editor/TextField.tsx';
import { useReportSession } from '../report-session/ReportSession.tsx';
import type { HeldLink } from '../sync/access-db.ts';

export function TutorReply(props: { link: HeldLink }) {
  const session = useReportSession();
  const { doc } = session.comments;
  const [ready, setReady] = createSignal(false);
  const writes = props.link.role === 'tutor' && props.link.source === 'shared';
  void session.comments.whenLoaded.then(() => setReady(true));
  session.connect(props.link);
  const problem = () => {
    const state = session.comments.relay();
    return state.kind === 'refused' ? state.reason : '';
  };

  return (
    <section class="card" aria-labelledby="reply-heading">
      <h2 id="reply-heading">The tutor’s reply</h2>
      <Show when={ready()} fallback={<p role="status">Opening the reply…</p>}>
        <TextField
          id="tutor-reply"
          label={writes ? 'Your reply to the feedback' : 'Reply from the tutor'}
          hint={
            writes
              ? 'The quality team reads this. Say what you will try next, or ask for the follow-up call.'
              : undefined
          }
          fragment={doc.getXmlFragment(tutorReplyKey)}
          readOnly={!writes}
        />
      </Show>
      <Show when={problem()}>
        <p class="error" role="alert">
          {problem()}
        </p>
      </Show>
    </section>
  );
}
