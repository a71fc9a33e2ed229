import '../testing/fake-browser-global.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Finding } from '../../shared/checks/finding.ts';
import { currentRuleSettings, keepFindingsSwitchedOn, ruleSettings } from './settings.ts';

const finding = (kind: Finding['kind']): Finding => ({
  kind,
  rule: `${kind}/x`,
  start: 0,
  end: 1,
  text: 'x',
  message: '',
  suggestions: [],
});

describe('rule settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has every kind of check on until the user switches one off, and keeps the choice in storage.local', async () => {
    expect(await currentRuleSettings()).toEqual({ spelling: true, grammar: true, prompt: true });
    await ruleSettings.setValue({ spelling: true, grammar: false, prompt: true });
    expect(await fakeBrowser.storage.local.get('rule-settings')).toEqual({
      'rule-settings': { spelling: true, grammar: false, prompt: true },
    });
    expect(await currentRuleSettings()).toEqual({ spelling: true, grammar: false, prompt: true });
  });

  it('takes a kind missing from a stored value as on, and ignores a damaged value', async () => {
    await fakeBrowser.storage.local.set({ 'rule-settings': { prompt: false } });
    expect(await currentRuleSettings()).toEqual({ spelling: true, grammar: true, prompt: false });
    await fakeBrowser.storage.local.set({ 'rule-settings': 'nonsense' });
    expect(await currentRuleSettings()).toEqual({ spelling: true, grammar: true, prompt: true });
  });

  it('drops the findings of the kinds switched off', () => {
    const findings = [finding('spelling'), finding('grammar'), finding('prompt')];
    expect(
      keepFindingsSwitchedOn(findings, { spelling: true, grammar: false, prompt: false }).map((kept) => kept.kind),
    ).toEqual(['spelling']);
    expect(keepFindingsSwitchedOn(findings, { spelling: true, grammar: true, prompt: true })).toHaveLength(3);
  });
});
