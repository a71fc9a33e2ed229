// What the popup says about the current page, in plain UK English.
import type { PageStatus } from '../messages.ts';

export interface StatusText {
  headline: string;
  detail: string;
  running: boolean;
}

export function describePageStatus(status: PageStatus | null): StatusText {
  if (!status) {
    return {
      running: false,
      headline: 'Margin is not checking this page.',
      detail: "It checks the text fields on Margin's own pages, at addresses starting http://localhost or http://127.0.0.1.",
    };
  }
  if (status.problem) return { running: false, headline: 'Spelling checks are not working on this page.', detail: status.problem };
  if (status.fields === 0) return { running: true, headline: 'Checks are running on this page.', detail: 'There are no text fields to check yet.' };
  const words = status.underlined === 0 ? 'No words' : count(status.underlined, 'word', 'words');
  return { running: true, headline: 'Checks are running on this page.', detail: `${words} underlined in ${count(status.fields, 'text field', 'text fields')}.` };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
