// What the popup says about the current page, in plain UK English.
import type { PageStatus } from '../messages.ts';

export interface StatusText {
  headline: string;
  detail: string;
  running: boolean;
}

export function describePageStatus(status: PageStatus | null): StatusText {
  if (!status)
    return {
      running: false,
      headline: 'Margin is not checking this page.',
      detail: 'It checks the text fields on Margin’s own pages and on the sites you switch on.',
    };
  if (status.problem)
    return { running: false, headline: 'Checks are not working on this page.', detail: status.problem };
  if (status.fields === 0)
    return {
      running: true,
      headline: 'Checks are running on this page.',
      detail: 'There are no text fields to check yet.',
    };
  const findings = status.findings === 0 ? 'Nothing found' : count(status.findings, 'finding', 'findings');
  const fields = count(status.fields, 'text field', 'text fields');
  const unchecked = status.unchecked ?? 0;
  // Paragraphs far down a long document are checked as they come near, so the count is not the last word yet.
  if (unchecked > 0) {
    const rest = count(unchecked, 'paragraph further on is', 'paragraphs further on are');
    return {
      running: true,
      headline: 'Checks are running on this page.',
      detail: `${findings} so far in ${fields}; ${rest} not checked yet. Scroll to check the rest.`,
    };
  }
  return { running: true, headline: 'Checks are running on this page.', detail: `${findings} in ${fields}.` };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
