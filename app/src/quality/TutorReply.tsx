// The tutor's reply to their observation's feedback. It lives in the observation's `<id>/comments` document,
// which the relay lets a tutor write after the observation is sent (when its content is locked), and is
// kept on this device too. Only the observed tutor (a tutor link opened from a share) writes it.
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import * as Y from 'yjs';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { tutorReplyKey } from '../../../shared/reports/qa-observation/doc.ts';
import { TextField } from '../editor/TextField.tsx';
import type { HeldLink } from '../sync/access-db.ts';
import { connectToRelay } from '../sync/relay-connection.ts';

export function TutorReply(props: { reportId: string; link: HeldLink }) {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(`margin-comments-${props.reportId}`, doc);
  const [ready, setReady] = createSignal(false);
  const [problem, setProblem] = createSignal('');
  let provider: WebsocketProvider | undefined;
  const writes = props.link.role === 'tutor' && props.link.source === 'shared';

  onMount(async () => {
    await persistence.whenSynced;
    setReady(true);
    provider = connectToRelay(roomName(props.reportId, 'comments'), doc, props.link.token, {
      onState: (state) => setProblem(state.kind === 'refused' ? state.reason : ''),
    });
  });
  onCleanup(() => {
    provider?.destroy();
    void persistence.destroy();
    doc.destroy();
  });

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
