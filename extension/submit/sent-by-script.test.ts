import { describe, expect, it } from 'vitest';
import { announceScriptSubmissions, sentByScriptEvent, type PageWindow } from './sent-by-script.ts';

/** A page's window as far as the wrapper sees it: forms that count what the browser sent, and who heard the event. */
function fakePage(hold: boolean) {
  const sent: string[] = [];
  const heard: string[] = [];
  class FakeEvent {
    defaultPrevented = false;
    constructor(
      readonly type: string,
      readonly init: { cancelable?: boolean },
    ) {}
    preventDefault() {
      if (this.init.cancelable) this.defaultPrevented = true;
    }
  }
  class FakeForm {
    constructor(readonly id: string) {}
    submit() {
      sent.push(this.id);
    }
    dispatchEvent(event: FakeEvent) {
      heard.push(`${event.type} at ${this.id}`);
      if (hold) event.preventDefault();
      return !event.defaultPrevented;
    }
  }
  const window = { HTMLFormElement: FakeForm, CustomEvent: FakeEvent } as unknown as PageWindow;
  return { window, sent, heard, form: (id: string) => new FakeForm(id) as unknown as HTMLFormElement };
}

describe('announceScriptSubmissions', () => {
  it('tells of each form the page sends by script, and sends it once when no one holds it', () => {
    const page = fakePage(false);
    announceScriptSubmissions(page.window);
    page.form('report').submit();
    expect(page.heard).toEqual([`${sentByScriptEvent} at report`]);
    expect(page.sent).toEqual(['report']);
  });

  it('sends nothing when "Before you submit" holds the form', () => {
    const page = fakePage(true);
    announceScriptSubmissions(page.window);
    page.form('report').submit();
    expect(page.heard).toHaveLength(1);
    expect(page.sent).toEqual([]);
  });

  it('wraps submit once, however often it runs, so a form is announced and sent once', () => {
    const page = fakePage(false);
    announceScriptSubmissions(page.window);
    announceScriptSubmissions(page.window);
    page.form('report').submit();
    expect(page.heard).toHaveLength(1);
    expect(page.sent).toEqual(['report']);
  });

  it('leaves a call on something that is not a form to the browser’s own submit', () => {
    const page = fakePage(true);
    announceScriptSubmissions(page.window);
    const notAForm = { id: 'not a form' };
    page.window.HTMLFormElement.prototype.submit.call(notAForm as unknown as HTMLFormElement);
    expect(page.heard).toEqual([]);
    expect(page.sent).toEqual(['not a form']);
  });
});
