// A form a page's own script sends with form.submit() fires no submit event, and the content script,
// in its isolated world, cannot see the page's calls. So a small script in the page's own world
// (entrypoints/margin-sent-by-script.content.ts) wraps HTMLFormElement.prototype.submit: each call first
// fires this cancelable event at the form, which the content script hears (the DOM is shared), and the
// form is sent only if no one held it. With Margin stopped or gone, no one holds it: the page works as
// it always did. The content script sends a held form later with its own world's submit, which this
// wrapper does not reach.

/** Fired at a form whose submit() the page called; cancelled when "Before you submit" holds it. */
export const sentByScriptEvent = 'margin-form-sent-by-script';

/** The parts of the page's window the wrapper uses (a fake in the unit test). */
export interface PageWindow {
  HTMLFormElement: typeof HTMLFormElement;
  CustomEvent: typeof CustomEvent;
}

/** Wraps the page's HTMLFormElement.prototype.submit, once. */
export function announceScriptSubmissions(window: PageWindow): void {
  const prototype = window.HTMLFormElement.prototype;
  const send = prototype.submit;
  if ((send as { marginWrapped?: true }).marginWrapped) return;
  const submit = function submit(this: HTMLFormElement) {
    // Called on something other than a form: the browser's own submit says what is wrong.
    if (!(this instanceof window.HTMLFormElement)) return send.call(this);
    const letGo = this.dispatchEvent(new window.CustomEvent(sentByScriptEvent, { bubbles: true, cancelable: true }));
    if (letGo) send.call(this);
  };
  Object.defineProperty(submit, 'marginWrapped', { value: true });
  Object.defineProperty(prototype, 'submit', {
    ...Object.getOwnPropertyDescriptor(prototype, 'submit'),
    value: submit,
  });
}

/**
 * Sends a form as form.submit() would, without its submit event, from the content script's own world
 * (whose prototype is the browser's, not the page's wrapped one). A control named "submit" hides the
 * form's own submit method, so the prototype's is called.
 */
export function sendWithoutSubmitEvent(form: HTMLFormElement): void {
  HTMLFormElement.prototype.submit.call(form);
}
