// Never lose work: what is typed in large fields (textareas, rich-text editors, text inputs past about
// 100 characters) is copied to the extension's storage half a second after typing stops and when the
// page goes away; when a field comes back empty (a time-out, a crash, a reload) and a copy is kept, a
// prompt offers to restore it (and the copy stays until the user chooses). Copies are cleared once the
// form is submitted. Margin's own fields keep every keystroke themselves and are not free-text fields
// here (page/free-text-field.ts). Typing is heard from beforeinput as well as input: editors with a model
// of their own (Lexical, Slate, CKEditor 5) cancel the browser's beforeinput and make the change
// themselves, and a cancelled beforeinput has no input after it. In an editor's frame with no address of
// its own (TinyMCE, CKEditor 4), the copies are kept under the address of the page the frame is in.
import { isValueField, readFieldText } from '../adapters/field-text.ts';
import { fieldKey, labelOf } from '../adapters/form-fields.ts';
import { freeTextFieldsIn } from '../page/free-text-field.ts';
import type { PageFields } from '../page/page-fields.ts';
import type { DraftReply, DraftRequest } from './draft-messages.ts';
import { offerRestore, type RestorePrompt } from './restore-prompt.ts';
import { writeFieldText } from './write-field.ts';

export interface KeepDraftsOptions {
  ask(request: DraftRequest): Promise<DraftReply>;
  quietMs?: number;
}

/** Text inputs are kept only once they hold this much: shorter ones are quick to type again. */
export const longInput = 100;

/** The text as the user sees it: a rich-text field's paragraphs as lines, without the line breaks the checks' reading adds around blocks. */
function textToKeep(element: HTMLElement): string {
  return isValueField(element) ? element.value : element.innerText;
}

function worthKeeping(element: HTMLElement, text: string): boolean {
  if (text.trim() === '') return false;
  return element.tagName.toLowerCase() !== 'input' || text.length > longInput;
}

/**
 * In a frame, the address of the outermost page of the same site around it: an editor's frame (about:blank,
 * about:srcdoc, or about:blank written by script, which takes the page's address) has none of its own that
 * the browser tells the background. Undefined in the page itself.
 */
export function addressOfPageAround(document: Document): string | undefined {
  try {
    let view = document.defaultView;
    if (!view || view === view.top) return undefined;
    // frameElement is null where the page around is another site's.
    while (view !== view.parent && view.frameElement) view = view.parent as Window & typeof globalThis;
    const href = view.location.href;
    return /^https?:/.test(href) ? href : undefined;
  } catch {
    return undefined;
  }
}

export function keepDrafts(document: Document, fields: PageFields, options: KeepDraftsOptions) {
  const { quietMs = 500 } = options;
  const window = document.defaultView!;
  const page = addressOfPageAround(document);
  const ask = (request: DraftRequest) => options.ask(page ? { ...request, page } : request);
  const waiting = new Map<HTMLElement, ReturnType<typeof setTimeout>>();
  const prompts = new Map<HTMLElement, RestorePrompt>();
  const looked = new WeakSet<HTMLElement>();

  const save = (element: HTMLElement) => {
    clearTimeout(waiting.get(element));
    waiting.delete(element);
    const text = textToKeep(element);
    const field = fieldKey(element);
    const request: DraftRequest = worthKeeping(element, text)
      ? { to: 'drafts', type: 'save-draft', field, text, label: labelOf(element) || field }
      : { to: 'drafts', type: 'clear-drafts', fields: [field] };
    void ask(request);
  };

  const onInput = (event: Event) => {
    const element = event.target;
    // While a copy is on offer, typing does not replace it: a letter typed before the prompt was noticed
    // must not cost the text it offers. It is replaced once the user has chosen Restore or Forget.
    if (!(element instanceof HTMLElement) || !fields.has(element) || prompts.has(element)) return;
    clearTimeout(waiting.get(element));
    waiting.set(
      element,
      setTimeout(() => save(element), quietMs),
    );
  };

  const saveWaiting = () => [...waiting.keys()].forEach(save);

  const offer = async (element: HTMLElement) => {
    looked.add(element);
    if (readFieldText(element).trim() !== '') return;
    const reply = await ask({ to: 'drafts', type: 'load-draft', field: fieldKey(element) });
    if (!reply.ok || !reply.value || readFieldText(element).trim() !== '' || !fields.has(element)) return;
    const draft = reply.value;
    const prompt = offerRestore(element, draft, (restore) => {
      prompts.delete(element);
      if (restore) writeFieldText(element, draft.text);
      else void ask({ to: 'drafts', type: 'clear-drafts', fields: [fieldKey(element)] });
    });
    prompts.set(element, prompt);
  };

  const unfollow = fields.follow({
    added(element) {
      if (!looked.has(element)) void offer(element);
    },
    // A field that goes takes its prompt with it: the textarea TinyMCE or CKEditor 4 hides once it stands in for
    // it (the editor, with the same name, offers the copy itself), or an editor's body its frame rewrites.
    removed(element) {
      prompts.get(element)?.remove();
      prompts.delete(element);
    },
  });

  document.addEventListener('beforeinput', onInput, true);
  document.addEventListener('input', onInput, true);
  window.addEventListener('pagehide', saveWaiting);

  return {
    /** The form in `scope` was submitted: its copies are no longer needed, the editors' in its frames too. */
    forget(scope: ParentNode) {
      for (const element of fields.within(scope)) {
        clearTimeout(waiting.get(element));
        waiting.delete(element);
        prompts.get(element)?.remove();
        prompts.delete(element);
      }
      const sent = freeTextFieldsIn(scope, { frames: true });
      if (sent.length > 0) void ask({ to: 'drafts', type: 'clear-drafts', fields: sent.map(fieldKey) });
    },
    stop() {
      document.removeEventListener('beforeinput', onInput, true);
      document.removeEventListener('input', onInput, true);
      window.removeEventListener('pagehide', saveWaiting);
      unfollow();
      waiting.forEach((timer) => clearTimeout(timer));
      prompts.forEach((prompt) => prompt.remove());
    },
  };
}
