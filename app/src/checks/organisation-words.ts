// The organisation's words on this device: what the relay sends a signed-in member (the list its administrators
// keep, and the names in the reports the member may open), kept in the checks' database so the checker accepts them
// offline too; none once the relay says nobody is signed in here. The checker takes them with the personal
// dictionary (app-checks.ts), which hands both to the extension.
import type { OrganisationWords } from '../../../shared/protocol/organisations.ts';
import type { ApiResult } from '../organisation/organisation-api.ts';

export interface OrganisationWordsCopy {
  organisationWords(): Promise<string[]>;
  replaceOrganisationWords(words: readonly string[]): Promise<void>;
}

/** Every word the relay's answer says to accept, once each. */
export const acceptedWords = (answer: OrganisationWords): string[] => [
  ...new Set([...answer.words.map((each) => each.word), ...answer.names]),
];

/**
 * Asks the relay and keeps its answer; when the relay cannot be reached, the words kept last time. Signed out
 * (401): none, and the kept copy goes too.
 */
export async function refreshOrganisationWords(
  ask: () => Promise<ApiResult<OrganisationWords>>,
  copy: OrganisationWordsCopy,
): Promise<string[]> {
  const answer = await ask();
  if (answer.ok) {
    const words = acceptedWords(answer.value);
    await copy.replaceOrganisationWords(words);
    return words;
  }
  if (answer.problem.status === 401) {
    await copy.replaceOrganisationWords([]);
    return [];
  }
  return copy.organisationWords();
}
