// Any form on a site the user has switched Margin on for: its free-text fields by label (a field
// labelled "Comments" gets the comment prompts), submitted by a submit button or Enter. Inputs that
// hold names, addresses and the like are left out: they are not prose, and names are not in a dictionary.
import { freeTextFieldsIn } from '../page/free-text-field.ts';
import { describeField, labelOf } from './form-fields.ts';
import type { SiteAdapter } from './site-adapter.ts';

const notProse =
  /\b(?:name|e-?mail|phone|telephone|mobile|post\s*code|zip|address|url|website|user\s*name|login|search|date|time|code|number|id)\b/i;

function isProse(element: HTMLElement): boolean {
  if (element.tagName.toLowerCase() !== 'input') return true;
  // Search boxes and inputs that offer choices as you type hold queries, not prose.
  if (
    element.getAttribute('type')?.toLowerCase() === 'search' ||
    element.hasAttribute('list') ||
    element.getAttribute('role') === 'combobox'
  )
    return false;
  const autocomplete = (element.getAttribute('autocomplete') ?? '').trim().toLowerCase();
  if (autocomplete !== '' && autocomplete !== 'on' && autocomplete !== 'off') return false;
  const words = `${element.getAttribute('name') ?? ''} ${element.id} ${labelOf(element)}`
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]/g, ' ');
  return !notProse.test(words);
}

export const genericForm: SiteAdapter = {
  name: 'generic-form',
  matches: () => true,
  fields: (scope) =>
    freeTextFieldsIn(scope, { frames: true })
      .filter(isProse)
      .map((element) => describeField(element)),
  submitTriggers: [{ kind: 'form-submit', form: 'form' }],
};
