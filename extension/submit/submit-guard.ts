// "Before you submit": catches a submission before the page's own handlers see it (capture phase on the
// window), checks the adapter's fields through the background, and either lets it go at once (nothing
// found, or the checks could not run) or opens the panel first. A submission is a form's submit event
// (a submit button, Enter in a field, requestSubmit()), a form the page's script sends with submit()
// (announced from the page's world, sent-by-script.ts), or a click on a button the adapter names.
// Letting it go re-submits exactly what the user asked for (the same form and submit button, the same
// form sent again without its submit event, or the same button clicked again) with a one-shot pass, so
// the page's handlers run once, on unchanged data. Words already let go are not asked about again: a
// page whose submit handler first checks with its server and then sends the form with submit() is
// finishing the submission the user chose, so the same form with the same text goes straight through.
import { focusFieldText, readFieldText } from '../adapters/field-text.ts';
import type { FormField, SiteAdapter, SubmitTrigger } from '../adapters/site-adapter.ts';
import { findingsInFields, type AskCheck, type FieldFinding } from './field-findings.ts';
import { sendWithoutSubmitEvent, sentByScriptEvent } from './sent-by-script.ts';
import { openSubmitPanel, type PanelChoice, type SubmitPanel } from './submit-panel.ts';

export interface SubmitGuardOptions {
  /** The adapter for the page as it is now. */
  adapter(): SiteAdapter;
  check: AskCheck;
  /** Told after a submission has gone through, with what was submitted (a form, or the whole page). */
  submitted(scope: HTMLFormElement | Document): void;
  /** How long the checks may take before the panel opens to say they are running. */
  slowCheckMs?: number;
}

export function guardSubmissions(
  document: Document,
  { adapter, check, submitted, slowCheckMs = 600 }: SubmitGuardOptions,
) {
  const window = document.defaultView!;
  let passing = false;
  let reviewing = false;
  /** The text of each form (or page) as it was last let go. */
  const letGo = new WeakMap<HTMLFormElement | Document, string>();

  /** Runs the page's own submission, with our listeners standing aside for it. */
  const pass = (resubmit: () => void, scope: HTMLFormElement | Document, fields: FormField[]) => {
    letGo.set(scope, textOf(fields));
    passing = true;
    try {
      resubmit();
    } finally {
      passing = false;
    }
    submitted(scope);
  };

  const intercept = (
    event: Event,
    site: SiteAdapter,
    scope: HTMLFormElement | Document,
    resubmit: () => void,
    returnFocus: HTMLElement,
  ) => {
    if (passing) return;
    const fields = site.fields(scope);
    if (fields.length === 0 || letGo.get(scope) === textOf(fields)) return submitted(scope);
    event.preventDefault();
    event.stopImmediatePropagation();
    if (reviewing) return;
    reviewing = true;
    void review(site, fields, () => pass(resubmit, scope, fields), returnFocus).finally(() => (reviewing = false));
  };

  const review = async (site: SiteAdapter, fields: FormField[], send: () => void, returnFocus: HTMLElement) => {
    const checking = findingsInFields(site, fields, check);
    // Quick checks (the usual case) open the panel only if there is something to show; slow ones open it
    // at once, saying the checks are running, so the user is never left waiting on a button that did nothing.
    let panel: SubmitPanel | undefined;
    let found = await Promise.race([checking, delay(slowCheckMs).then(() => 'slow' as const)]);
    if (found === 'slow') {
      panel = openSubmitPanel(document);
      const first = await Promise.race([
        checking.then((result) => ({ result })),
        panel.choice.then((choice) => ({ choice })),
      ]);
      if ('choice' in first) return act(first.choice, [], send, returnFocus);
      found = first.result;
    }
    if (!found || found.length === 0) {
      panel?.close();
      return send();
    }
    const items = found.map(({ field, finding }) => ({
      field: field.label,
      words: finding.text,
      message: finding.message,
    }));
    if (panel) panel.showFindings(items);
    else panel = openSubmitPanel(document, items);
    act(await panel.choice, found, send, returnFocus);
  };

  /** The adapter, when it says the form is one whose submissions are checked. */
  const siteSubmitting = (form: EventTarget | null): SiteAdapter | undefined => {
    if (!(form instanceof HTMLFormElement)) return undefined;
    const site = adapter();
    return site.submitTriggers.some((trigger) => trigger.kind === 'form-submit' && form.matches(trigger.form))
      ? site
      : undefined;
  };

  const onSubmit = (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const site = siteSubmitting(form);
    if (!site) return;
    const submitter = event.submitter;
    intercept(event, site, form, () => resubmit(form, submitter), returnFocusIn(form, submitter, site));
  };

  // The page's script called form.submit(): held here, it is sent later the same way, still without a submit event.
  const onSentByScript = (event: Event) => {
    event.stopImmediatePropagation();
    const form = event.target as HTMLFormElement;
    const site = siteSubmitting(form);
    if (site) intercept(event, site, form, () => sendWithoutSubmitEvent(form), returnFocusIn(form, null, site));
  };

  const onClick = (event: MouseEvent) => {
    // Most clicks are not on buttons: those are let go before the page's adapter is worked out.
    if (!(event.target instanceof Element) || !event.target.closest(anyButton)) return;
    const site = adapter();
    const button = site.submitTriggers.map((trigger) => clickedButton(event, trigger)).find(Boolean);
    if (button) intercept(event, site, document, () => button.click(), button);
  };

  window.addEventListener('submit', onSubmit, true);
  window.addEventListener(sentByScriptEvent, onSentByScript, true);
  window.addEventListener('click', onClick, true);
  return {
    stop() {
      window.removeEventListener('submit', onSubmit, true);
      window.removeEventListener(sentByScriptEvent, onSentByScript, true);
      window.removeEventListener('click', onClick, true);
    },
  };
}

const anyButton = 'button, [role="button"], input[type="submit"], input[type="button"]';

/** Submits the form again with the same button, or without one if the page has since removed or changed it. */
function resubmit(form: HTMLFormElement, submitter: HTMLElement | null): void {
  try {
    form.requestSubmit(submitter);
  } catch {
    form.requestSubmit();
  }
}

function act(choice: PanelChoice, found: FieldFinding[], send: () => void, returnFocus: HTMLElement): void {
  if (choice.kind === 'submit-anyway') return send();
  const chosen = choice.kind === 'finding' ? found[choice.index] : undefined;
  if (chosen) focusFieldText(chosen.field.element, chosen.finding.start, chosen.finding.end, chosen.finding.text);
  else returnFocus.focus();
}

function clickedButton(event: MouseEvent, trigger: SubmitTrigger): HTMLElement | undefined {
  if (trigger.kind !== 'button-click' || !(event.target instanceof Element)) return undefined;
  const button = event.target.closest<HTMLElement>(trigger.button);
  if (!button || button.matches(':disabled') || !trigger.name.test((button.textContent ?? '').trim())) return undefined;
  return button;
}

/** Where "Go back" leaves the user: what had the focus in the form (the field Enter was pressed in, the button), else the first field. */
function returnFocusIn(form: HTMLFormElement, submitter: HTMLElement | null, site: SiteAdapter): HTMLElement {
  const focused = form.ownerDocument.activeElement;
  if (focused instanceof HTMLElement && focused !== form && form.contains(focused)) return focused;
  return submitter ?? site.fields(form)[0]?.element ?? form;
}

/** All the fields' text, as one string to compare. */
const textOf = (fields: FormField[]) => JSON.stringify(fields.map((field) => readFieldText(field.element)));

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
