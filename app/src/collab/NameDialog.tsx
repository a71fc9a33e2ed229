// The one question Margin asks before someone first acts on a device with no name (your-name.ts): a modal dialog
// (the page behind is inert, and Tab goes round its controls), labelled by its heading, Escape or Cancel answering "no"; an
// empty name is refused with a message; focus goes back to what was focused before. Mounted once, in the layout.
import { createSignal, onMount, Show } from 'solid-js';
import { answerNameQuestion, cancelNameQuestion, giveName, nameAsked } from './your-name.ts';
import './name-dialog.css';

/** In the page only while someone is asked, so no hidden "Your name" lingers for labels to find. */
export function NameDialog() {
  return (
    <Show when={nameAsked()}>
      <NameQuestion />
    </Show>
  );
}

function NameQuestion() {
  let dialog!: HTMLDialogElement;
  let input!: HTMLInputElement;
  let opener: Element | null = null;
  const [problem, setProblem] = createSignal('');
  const [saving, setSaving] = createSignal(false);

  onMount(() => {
    opener = document.activeElement;
    dialog.showModal();
    input.focus();
  });

  /** Closes the dialog and gives focus back to what had it before. */
  const close = () => {
    dialog.close();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    opener = null;
  };
  const cancel = () => {
    close();
    cancelNameQuestion();
  };

  /** Tab from the last control comes back to the first, and Shift+Tab from the first goes to the last. */
  const keepFocusIn = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    const controls = Array.from(dialog.querySelectorAll<HTMLElement>('input, button:not(:disabled)'));
    const [first, last] = [controls[0], controls.at(-1)];
    if (event.shiftKey ? document.activeElement !== first : document.activeElement !== last) return;
    event.preventDefault();
    (event.shiftKey ? last : first)?.focus();
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      const given = await giveName(input.value);
      if (!given.ok) {
        setProblem(given.problem);
        return input.focus();
      }
      // The page behind a modal dialog is inert: it closes before the action goes on and perhaps moves focus.
      close();
      answerNameQuestion(given.value);
    } catch (error) {
      setProblem(
        `Your name could not be kept on this device: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      class="name-dialog"
      aria-labelledby="name-dialog-heading"
      aria-describedby="name-dialog-why"
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
      onKeyDown={keepFocusIn}
    >
      <form onSubmit={(event) => void submit(event)} novalidate>
        <h2 id="name-dialog-heading">Your name</h2>
        <p id="name-dialog-why" class="hint">
          Shown to others with your comments, decisions and signatures. Margin asks once on this device.
        </p>
        <div class="field">
          <label for="name-dialog-name">Your name</label>
          <input
            ref={input}
            id="name-dialog-name"
            name="name"
            autocomplete="name"
            aria-invalid={problem() ? 'true' : undefined}
            aria-describedby="name-dialog-problem"
            onInput={() => setProblem('')}
          />
          <p id="name-dialog-problem" class="error" role="alert">
            {problem()}
          </p>
        </div>
        <div class="name-dialog-buttons">
          <button type="submit" disabled={saving()}>
            Save and continue
          </button>
          <button type="button" class="secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
