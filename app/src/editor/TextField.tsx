// A free-text field: a Tiptap editor bound to its own Y.XmlFragment, with a live character count and
// Margin's own checks (spelling, grammar and advice, from the app's checks worker) drawn as underlines.
// The browser's spell check is off here (it is American and would underline twice), and the field is
// marked data-margin-checks="app" so the Margin extension leaves it to the app. A read-only field is being read:
// it is the report as written, with no checks run in it at all, and no count, hint or advice meant for its writer.
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import type { EditorView } from '@tiptap/pm/view';
import { createSignal, For, onCleanup, onMount, Show, useContext } from 'solid-js';
import type * as Y from 'yjs';
import { ShowInternalFields } from './internal-fields.ts';
import { fieldCarets } from '../collab/field-carets.ts';
import { PresenceContext } from '../collab/presence.ts';
import { freeTextLimit } from '../../../shared/forms/index.ts';
import { appCheckedAttribute } from '../../../shared/protocol/app-and-extension.ts';
import { appChecks } from '../checks/app-checks.ts';
import { currentReportId, fieldCheckContext, type FieldCheckOptions } from '../checks/report-context.ts';
import { CharacterLimit, type LimitNotice, textLength } from './character-limit.ts';
import type { PlacedFinding } from './check-plugin.ts';
import { CheckMenu } from './CheckMenu.tsx';
import { useCommentExtension } from '../comments/report-comments.ts';
import { SuggestToggle } from '../comments/SuggestToggle.tsx';
import './checks.css';
import './finding-underlines.css';
import { createFieldChecks, ignoreKey } from './field-checks.ts';

const number = new Intl.NumberFormat('en-GB');

export interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  fragment: Y.XmlFragment;
  limit?: number;
  readOnly?: boolean;
  internal?: boolean;
  /** Which form and field the checks should treat this as (worked out from the report and id when left out), or false for no checks. */
  check?: FieldCheckOptions | false;
}

export function TextField(props: TextFieldProps) {
  // Solid runs a component once, so returning before any editor is made leaves nothing to clean up.
  if (props.internal && !useContext(ShowInternalFields)) return null;
  const limit = () => props.limit ?? freeTextLimit;
  const presence = useContext(PresenceContext);
  const [count, setCount] = createSignal(0);
  const [notice, setNotice] = createSignal<LimitNotice | null>(null);
  const [placed, setPlaced] = createSignal<PlacedFinding[]>([]);
  const [menu, setMenu] = createSignal<{ placed: PlacedFinding; position: { left: number; top: number } } | null>(null);
  const [checkProblem, setCheckProblem] = createSignal<string | null>(null);
  let element!: HTMLDivElement;
  let frame!: HTMLDivElement;
  let editor: Editor | undefined;
  const [suggesting, setSuggesting] = createSignal(false);
  const comments = useCommentExtension(props.id, props.label, props.fragment, suggesting);
  const reading = props.readOnly === true;
  const suggest = (on: boolean) => {
    setSuggesting(on);
    editor?.setEditable(on || !reading);
    if (on) editor?.commands.focus();
  };
  const checks = props.check === false || reading ? undefined : appChecks();
  const fieldChecks = checks
    ? createFieldChecks({
        checks,
        context: () => fieldCheckContext(props.fragment.doc, props.id, props.check || undefined),
        reportId: currentReportId(),
        placedChanged: setPlaced,
        open: openMenu,
        problem: setCheckProblem,
      })
    : undefined;

  function openMenu(view: EditorView, item: PlacedFinding) {
    const at = view.coordsAtPos(item.from);
    const box = frame.getBoundingClientRect();
    setMenu({ placed: item, position: { left: Math.max(0, at.left - box.left), top: at.bottom - box.top + 4 } });
  }
  const closeMenu = () => {
    setMenu(null);
    editor?.commands.focus();
  };
  /** Replaces the finding's words, if they are still what was found. */
  const replace = (item: PlacedFinding, text: string) => {
    const view = editor?.view;
    if (view && view.state.doc.textBetween(item.from, item.to, '\n') === item.finding.text) {
      view.dispatch(view.state.tr.insertText(text, item.from, item.to));
    }
    closeMenu();
  };

  const describedBy = [props.hint ? `${props.id}-hint` : '', `${props.id}-count`, checks ? `${props.id}-checks` : '']
    .join(' ')
    .trim();

  onMount(() => {
    editor = new Editor({
      element,
      editable: !reading,
      extensions: [
        Document,
        Paragraph,
        Text,
        Collaboration.configure({ fragment: props.fragment }),
        CharacterLimit.configure({ limit: limit(), onLimit: setNotice }),
        ...(fieldChecks ? [fieldChecks.extension] : []),
        ...(presence ? [fieldCarets(presence.awareness, props.id)] : []),
        ...comments,
      ],
      editorProps: {
        attributes: {
          id: props.id,
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': `${props.id}-label`,
          ...(reading ? {} : { 'aria-describedby': describedBy }),
          class: 'editor',
          spellcheck: checks ? 'false' : 'true',
          ...(checks ? { [appCheckedAttribute]: 'app' } : {}),
          lang: 'en-GB',
        },
      },
      onCreate: ({ editor }) => setCount(textLength(editor.state.doc)),
      onUpdate: ({ editor, transaction }) => {
        setCount(textLength(editor.state.doc));
        if (transaction.getMeta('uiEvent') !== 'paste') setNotice(null);
      },
    });
  });
  onCleanup(() => {
    fieldChecks?.destroy();
    editor?.destroy();
  });

  const over = () => count() > limit();
  const prompts = () => placed().filter((item) => item.finding.kind === 'prompt');
  const summary = () => {
    if (checkProblem()) return checkProblem()!;
    const spelling = placed().filter((item) => item.finding.kind === 'spelling').length;
    const grammar = placed().filter((item) => item.finding.kind === 'grammar').length;
    const parts = [
      spelling ? `${spelling} spelling ${spelling === 1 ? 'mistake' : 'mistakes'}` : '',
      grammar ? `${grammar} grammar ${grammar === 1 ? 'suggestion' : 'suggestions'}` : '',
    ].filter(Boolean);
    return parts.length ? `${parts.join(', ')}. Alt+Enter on an underlined word shows suggestions.` : '';
  };
  return (
    <div class="field" classList={{ internal: props.internal, over: over() }} data-field={props.id}>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the editor is a contenteditable named by aria-labelledby; a click on the label focuses it, the keyboard reaches it by Tab */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: as above */}
      <label id={`${props.id}-label`} onClick={() => editor?.commands.focus()}>
        {props.label}
        <Show when={props.internal}>
          <span class="tag">Internal</span>
        </Show>
      </label>
      <SuggestToggle
        field={props.id}
        fragment={props.fragment}
        label={props.label}
        suggesting={suggesting}
        set={suggest}
      />
      <Show when={props.hint && !reading}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <div ref={frame} class="editor-frame">
        <div ref={element} />
        <Show when={menu()}>
          {(open) => (
            <CheckMenu
              placed={open().placed}
              position={open().position}
              suggest={(word) => checks!.client.suggest(word)}
              replace={(text) => replace(open().placed, text)}
              addWord={async () => {
                const result = await checks!.addWord(open().placed.finding.text);
                if (!result.ok) return result.problem;
                closeMenu();
                return null;
              }}
              ignore={() => {
                checks!.ignore(ignoreKey(open().placed.finding));
                closeMenu();
              }}
              dismiss={() => {
                void fieldChecks!.dismiss(open().placed.finding);
                closeMenu();
              }}
              close={closeMenu}
            />
          )}
        </Show>
      </div>
      <Show when={!reading}>
        <p class="count" id={`${props.id}-count`} data-testid={`${props.id}-count`}>
          {count()}/{limit()}
          <Show when={over()}>
            <span class="error">
              {' '}
              This field is {number.format(count() - limit())} characters over the limit of {number.format(limit())}.
            </span>
          </Show>
        </p>
      </Show>
      <Show when={checks}>
        <p
          class="check-summary"
          id={`${props.id}-checks`}
          aria-live="polite"
          classList={{ error: checkProblem() !== null }}
        >
          {summary()}
        </p>
      </Show>
      <Show when={prompts().length > 0}>
        <ul class="check-prompts" aria-label={`Advice on ${props.label}`}>
          <For each={prompts()}>
            {(item) => (
              <li>
                <span>{item.finding.message}</span>{' '}
                <button type="button" class="secondary" onClick={() => void fieldChecks!.dismiss(item.finding)}>
                  Dismiss
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={notice()}>
        {(shown) => (
          <p class="error" role="alert">
            {limitMessage(shown(), limit())}
          </p>
        )}
      </Show>
    </div>
  );
}

/** What the field says when a change did not go in whole, and why. */
function limitMessage(notice: LimitNotice, limit: number): string {
  const figure = number.format;
  if (notice.kind === 'cut') {
    const leftOut = notice.pasted - notice.kept;
    return `Only the first ${figure(notice.kept)} of the ${figure(notice.pasted)} characters pasted fit: this field holds at most ${figure(limit)}. The last ${figure(leftOut)}, from “${notice.leftOut.replaceAll('\n', ' ')}${leftOut > notice.leftOut.length ? '…' : ''}”, were left out; the mark shows where the paste was cut. Undo (Ctrl+Z) takes the paste back.`;
  }
  if (notice.length >= limit)
    return `This field is full: it holds at most ${figure(limit)} characters, so nothing more can be added. Take some words out to make room.`;
  return `That would make this field ${figure(notice.attempted)} characters long; the limit is ${figure(limit)}. Nothing was added.`;
}
