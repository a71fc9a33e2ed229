// An attached file (the support plan): what is attached, a download of it, and, while the review may change,
// choosing a file (refused with a message naming the limit and the file's size when too large; nothing is
// replaced then) and removing it.
import { createSignal, onCleanup, Show } from 'solid-js';
import type * as Y from 'yjs';
import {
  attachFile,
  attachments,
  formatBytes,
  maxAttachmentBytes,
  readAttachment,
  removeAttachment,
  type StoredAttachment,
} from '../../../shared/reports/termly-review/attachments.ts';
import { withYourName } from '../collab/your-name.ts';

export function download(file: StoredAttachment): void {
  const url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function AttachedFile(props: {
  doc: Y.Doc;
  slot: string;
  id: string;
  label: string;
  hint?: string;
  readOnly?: boolean;
  problem?: string;
}) {
  const [file, setFile] = createSignal(readAttachment(props.doc, props.slot));
  const [refusal, setRefusal] = createSignal('');
  const map = attachments(props.doc);
  const observe = () => setFile(readAttachment(props.doc, props.slot));
  map.observe(observe);
  onCleanup(() => map.unobserve(observe));

  const choose = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    setRefusal('');
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    const result = await withYourName((name) =>
      attachFile(props.doc, props.slot, { name: chosen.name, type: chosen.type, bytes }, name),
    );
    if (result && !result.ok) setRefusal(result.problem);
  };
  const problem = () => refusal() || (file() ? undefined : props.problem);

  return (
    <div class="field attachment">
      <Show
        when={!props.readOnly}
        fallback={
          <p class="attachment-label" id={props.id}>
            {props.label}
          </p>
        }
      >
        <label for={props.id}>{props.label}</label>
      </Show>
      {/* How big a file may be is for whoever attaches it; a reader sees the file. */}
      <Show when={!props.readOnly}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint ? `${props.hint} ` : ''}At most {formatBytes(maxAttachmentBytes)}.
        </p>
      </Show>
      <Show when={file()} fallback={<p class="muted">No file attached.</p>}>
        {(attached) => (
          <p class="attached">
            <span data-testid="attached-file">
              {attached().name} ({formatBytes(attached().size)})
            </span>{' '}
            <button type="button" class="secondary" onClick={() => download(attached())}>
              Download {attached().name}
            </button>{' '}
            <Show when={!props.readOnly}>
              <button type="button" class="secondary" onClick={() => removeAttachment(props.doc, props.slot)}>
                Remove {attached().name}
              </button>
            </Show>
          </p>
        )}
      </Show>
      <Show when={!props.readOnly}>
        <input
          id={props.id}
          type="file"
          onChange={(event) => void choose(event.currentTarget)}
          aria-describedby={[`${props.id}-hint`, problem() ? `${props.id}-problem` : ''].join(' ').trim()}
          aria-invalid={!!problem()}
        />
      </Show>
      <Show when={problem()}>
        <p class="error" id={`${props.id}-problem`} role={refusal() ? 'alert' : undefined}>
          {problem()}
        </p>
      </Show>
    </div>
  );
}
