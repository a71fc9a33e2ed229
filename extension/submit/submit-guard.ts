// "Before you submit": catches a submission before the page's own handlers see it (capture phase on the
// window), checks the adapter's fields through the background, and either lets it go at once (nothing
// found, or the checks could not run) or opens the panel first. Letting it go re-submits exactly what the
// user asked for (the same form and submit button, or the same button clicked again) with a one-shot
// pass, so the page's handlers run once, on unchanged data.
import { focusFieldText } from '../adapters/field-text.ts';
import type { SiteAdapter, SubmitTrigger } from '../adapters/site-adapter.ts';
import { findingsInFields, type AskCheck } from './field-findings.ts';
import { askBeforeSubmit } from './submit-panel.ts';

export interface SubmitGuardOptions {
  /** The adapter for the page as it is now. */
  adapter(): SiteAdapter;
  check: AskCheck;
  /** Told after a submission has gone through, with what was submitted (a form, or the whole page). */
  submitted(scope: ParentNode): void;
  /** How long to wait for the checks before letting the submission go unchecked. */
  checkTimeoutMs?: number;
}

export function guardSubmissions(document: Document, { adapter, check, submitted, checkTimeoutMs = 15_000 }: SubmitGuardOptions) {
  const window = document.defaultView!;
  let passing = false;
  let reviewing = false;

  /** Runs the page's own submission, with our listeners standing aside for it. */
  const pass = (resubmit: () => void, scope: ParentNode) => {
    passing = true;
    try {
      resubmit();
    } finally {
      passing = false;
    }
    submitted(scope);
  };

  const intercept = (event: Event, site: SiteAdapter, scope: ParentNode, resubmit: () => void, returnFocus: HTMLElement) => {
    if (passing) return;
    const fields = site.fields(scope);
    if (fields.length === 0) return submitted(scope);
    event.preventDefault();
    event.stopImmediatePropagation();
    if (reviewing) return;
    reviewing = true;
    void review(site, fields, () => pass(resubmit, scope), returnFocus).finally(() => (reviewing = false));
  };

  const review = async (site: SiteAdapter, fields: ReturnType<SiteAdapter['fields']>, send: () => void, returnFocus: HTMLElement) => {
    const found = await withTimeout(findingsInFields(site, fields, check), checkTimeoutMs);
    if (!found || found.length === 0) return send();
    const choice = await askBeforeSubmit(
      document,
      found.map(({ field, finding }) => ({ field: field.label, words: finding.text, message: finding.message })),
    );
    if (choice.kind === 'submit-anyway') return send();
    if (choice.kind === 'finding') {
      const { field, finding } = found[choice.index]!;
      return focusFieldText(field.element, finding.start, finding.end, finding.text);
    }
    returnFocus.focus();
  };

  const onSubmit = (event: SubmitEvent) => {
    const form = event.target;
    const site = adapter();
    if (!(form instanceof HTMLFormElement) || !site.submitTriggers.some((trigger) => trigger.kind === 'form-submit' && form.matches(trigger.form))) return;
    const submitter = event.submitter;
    intercept(event, site, form, () => resubmit(form, submitter), submitter ?? firstField(site, form) ?? form);
  };

  const onClick = (event: MouseEvent) => {
    // Most clicks are not on buttons: those are let go before the page's adapter is worked out.
    if (!(event.target instanceof Element) || !event.target.closest(anyButton)) return;
    const site = adapter();
    const button = site.submitTriggers.map((trigger) => clickedButton(event, trigger)).find(Boolean);
    if (button) intercept(event, site, document, () => button.click(), button);
  };

  window.addEventListener('submit', onSubmit, true);
  window.addEventListener('click', onClick, true);
  return {
    stop() {
      window.removeEventListener('submit', onSubmit, true);
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

function clickedButton(event: MouseEvent, trigger: SubmitTrigger): HTMLElement | undefined {
  if (trigger.kind !== 'button-click' || !(event.target instanceof Element)) return undefined;
  const button = event.target.closest<HTMLElement>(trigger.button);
  if (!button || button.matches(':disabled') || !trigger.name.test((button.textContent ?? '').trim())) return undefined;
  return button;
}

function firstField(site: SiteAdapter, form: HTMLFormElement): HTMLElement | undefined {
  return site.fields(form)[0]?.element;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
