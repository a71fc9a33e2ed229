// A free-text field: a Tiptap editor bound to its own Y.XmlFragment, with a live character count.
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import type * as Y from 'yjs';
import { freeTextLimit } from '../../../shared/forms/index.ts';
import { CharacterLimit, textLength } from './character-limit.ts';

const number = new Intl.NumberFormat('en-GB');

export interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  fragment: Y.XmlFragment;
  limit?: number;
  readOnly?: boolean;
  internal?: boolean;
}

export function TextField(props: TextFieldProps) {
  const limit = () => props.limit ?? freeTextLimit;
  const [count, setCount] = createSignal(0);
  const [refused, setRefused] = createSignal<number | null>(null);
  let element!: HTMLDivElement;
  let editor: Editor | undefined;

  onMount(() => {
    editor = new Editor({
      element,
      editable: !props.readOnly,
      extensions: [
        Document,
        Paragraph,
        Text,
        Collaboration.configure({ fragment: props.fragment }),
        CharacterLimit.configure({ limit: limit(), onRefused: setRefused }),
      ],
      editorProps: {
        attributes: {
          id: props.id,
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': `${props.id}-label`,
          'aria-describedby': [props.hint ? `${props.id}-hint` : '', `${props.id}-count`].join(' ').trim(),
          class: 'editor',
          spellcheck: 'true',
          lang: 'en-GB',
        },
      },
      onCreate: ({ editor }) => setCount(textLength(editor.state.doc)),
      onUpdate: ({ editor }) => {
        setCount(textLength(editor.state.doc));
        setRefused(null);
      },
    });
  });
  onCleanup(() => editor?.destroy());

  const over = () => count() > limit();
  return (
    <div class="field" classList={{ internal: props.internal, over: over() }} data-field={props.id}>
      <label id={`${props.id}-label`} onClick={() => editor?.commands.focus()}>
        {props.label}
        <Show when={props.internal}>
          <span class="tag">Internal</span>
        </Show>
      </label>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <div ref={element} class="editor-frame" />
      <p class="count" id={`${props.id}-count`} data-testid={`${props.id}-count`}>
        {count()}/{limit()}
        <Show when={over()}>
          <span class="error"> This field is {number.format(count() - limit())} characters over the limit of {number.format(limit())}.</span>
        </Show>
      </p>
      <Show when={refused()}>
        {(attempted) => (
          <p class="error" role="alert">
            That would make this field {number.format(attempted())} characters long; the limit is {number.format(limit())}. Nothing was added.
          </p>
        )}
      </Show>
    </div>
  );
}
