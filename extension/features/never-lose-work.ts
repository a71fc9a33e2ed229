// "Never lose work": copies of what is typed are kept by the background, and offered back when a field
// comes back empty (restore/keep-drafts.ts); a form's copies go once it has been sent.
import { fail } from '../../shared/result.ts';
import { keepDrafts } from '../restore/keep-drafts.ts';
import type { Feature } from './feature.ts';

export const neverLoseWork: Feature = {
  name: 'never lose work',
  runsOn: ['margin', 'site'],
  // In an editor's frame too (TinyMCE, CKEditor 4), whose body is the field; a sent form's copies are
  // cleared from the page, which reaches into its frames.
  inFrames: true,
  start(page) {
    const drafts = keepDrafts(page.document, page.fields, {
      ask: async (request) =>
        (await page.ask(request)) ?? fail('Margin cannot reach the copies it keeps of your text.'),
    });
    const unhear = page.hear('form-sent', drafts.forget);
    return () => {
      unhear();
      drafts.stop();
    };
  },
};
