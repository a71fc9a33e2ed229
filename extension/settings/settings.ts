// What the user has chosen in the options page, kept in storage.local: which kinds of check are on.
// The background drops the findings of kinds that are off, so every page honours the choice at once.
import { storage } from 'wxt/utils/storage';
import type { Finding, FindingKind } from '../../shared/checks/finding.ts';

export type RuleSettings = Record<FindingKind, boolean>;

export const defaultRuleSettings: RuleSettings = { spelling: true, grammar: true, prompt: true };

export const ruleSettings = storage.defineItem<RuleSettings>('local:rule-settings', { fallback: defaultRuleSettings });

/** The settings as stored, with any kind missing from an older or damaged value taken as on. */
export async function currentRuleSettings(): Promise<RuleSettings> {
  const stored = await ruleSettings.getValue();
  return { ...defaultRuleSettings, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
}

export function keepFindingsSwitchedOn(findings: Finding[], settings: RuleSettings): Finding[] {
  return findings.filter((finding) => settings[finding.kind] !== false);
}
