// "Before you submit": a submission is held while the form's fields are checked, each with the prompts
// for what it is (the page's adapter, chosen again at each submission as a single-page app turns one
// page into another, says which field is which), and the panel shows what was found first.
import { adapterFor } from '../adapters/registry.ts';
import { guardSubmissions } from '../submit/submit-guard.ts';
import { askCheck } from './checks-as-you-type.ts';
import type { Feature } from './feature.ts';

export const beforeYouSubmit: Feature = {
  name: 'before you submit',
  runsOn: ['margin', 'site'],
  start(page) {
    const { document } = page;
    const guard = guardSubmissions(document, {
      adapter: () => adapterFor(document, document.location),
      check: askCheck(page),
      submitted: (scope) => page.tell('form-sent', scope),
    });
    return guard.stop;
  },
};
