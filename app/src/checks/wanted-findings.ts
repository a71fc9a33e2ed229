// Which findings the writer still wants to see: not a word or grammar finding they ignored on this visit, nor a prompt
// they dismissed for this report. The underlines in a field and the report's check before submitting both ask here.
import type { Finding } from '../../../shared/checks/finding.ts';
import type { AppChecks } from './app-checks.ts';
import { promptKey } from './checks-store.ts';

/** What "Ignore" remembers: a misspelt word everywhere, a grammar finding by its rule and words. */
export const ignoreKey = (finding: Finding) =>
  finding.kind === 'spelling' ? `spelling:${finding.text}` : `${finding.rule}:${finding.text}`;

/** Whether `finding`, found in `field`, is still wanted, given the prompts dismissed for the report. */
export function isWantedFinding(
  finding: Finding,
  field: string,
  checks: Pick<AppChecks, 'isIgnored'>,
  dismissed: ReadonlySet<string>,
): boolean {
  if (finding.kind === 'prompt') return !dismissed.has(promptKey(finding.rule, field, finding.text));
  return !checks.isIgnored(ignoreKey(finding));
}
