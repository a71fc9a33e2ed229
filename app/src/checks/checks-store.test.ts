import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ChecksDatabase, createChecksStore, promptKey } from './checks-store.ts';

describe('the checks store', () => {
  it('keeps personal words and each report’s dismissed prompts on the device', async () => {
    const store = createChecksStore(new ChecksDatabase(`margin-checks-test-${Math.random()}`));
    await store.addPersonalWord('Oluwaseun');
    await store.addPersonalWord('Zainab');
    await store.removePersonalWord('Zainab');
    expect(await store.personalWords()).toEqual(['Oluwaseun']);

    const key = promptKey('prompt/smart-objective', 'learningObjective1', ' To understand fractions ');
    await store.dismissPrompt('report1', key);
    expect(await store.dismissedPrompts('report1')).toEqual(
      new Set([promptKey('prompt/smart-objective', 'learningObjective1', 'To understand fractions')]),
    );
    expect(await store.dismissedPrompts('report2')).toEqual(new Set());
  });

  it('keeps the last copy of the organisation’s words, replaced whole', async () => {
    const store = createChecksStore(new ChecksDatabase(`margin-checks-test-${Math.random()}`));
    await store.replaceOrganisationWords(['Okafor', 'Ofsted']);
    await store.replaceOrganisationWords(['Okafor', 'Adeyemi']);
    expect((await store.organisationWords()).sort()).toEqual(['Adeyemi', 'Okafor']);
    await store.replaceOrganisationWords([]);
    expect(await store.organisationWords()).toEqual([]);
  });
});
