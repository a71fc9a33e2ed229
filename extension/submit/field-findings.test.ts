import { describe, expect, it, vi } from 'vitest';
import type { CheckContext } from '../../shared/checks/context.ts';
import type { Finding } from '../../shared/checks/finding.ts';
import { agencySessionReport } from '../adapters/agency-session-report.ts';
import { genericForm } from '../adapters/generic-form.ts';
import { parsePage } from '../testing/parsed-page.ts';
import type { CheckReply } from '../messages.ts';
import { findingsInFields, type AskCheck } from './field-findings.ts';

const page = parsePage(`<form>
  <label for="lo1">Learning Objective 1</label><textarea id="lo1">To understand fractions.</textarea>
  <label for="lo2">Learning Objective 2</label><textarea id="lo2"></textarea>
  <label for="progress">Comment On Progress Towards Learning Objectives</label><textarea id="progress">Sam acheived it.</textarea>
  <label for="engagement">Engagement Comment</label><textarea id="engagement" maxlength="20">Worked well all session long.</textarea>
</form>`);

const misspelt: Finding = {
  kind: 'spelling',
  rule: 'spelling/unknown-word',
  start: 4,
  end: 12,
  text: 'acheived',
  message: 'not in the dictionary',
  suggestions: ['achieved'],
};

describe('findingsInFields', () => {
  it('checks each field that has text, naming its form, key and role, with the objectives for the progress rule', async () => {
    const asked: [string, CheckContext][] = [];
    const check: AskCheck = async (text, context) => (
      asked.push([text, context]), { ok: true, value: { findings: text.includes('acheived') ? [misspelt] : [] } }
    );
    const found = await findingsInFields(agencySessionReport, agencySessionReport.fields(page), check);

    const objectives = ['To understand fractions.', ''];
    expect(asked).toEqual([
      ['To understand fractions.', { form: 'session-report', field: 'lo1', role: 'learning-objective', objectives }],
      ['Sam acheived it.', { form: 'session-report', field: 'progress', role: 'progress-comment', objectives }],
      ['Worked well all session long.', { form: 'session-report', field: 'engagement', role: 'comment', objectives }],
    ]);
    expect(found?.map(({ field, finding }) => [field.key, finding.rule, finding.text])).toEqual([
      ['progress', 'spelling/unknown-word', 'acheived'],
      // The page's own maxlength is a limit too: what is past it would be cut off.
      ['engagement', 'form/character-limit', 'ion long.'],
    ]);
    expect(found?.[1]?.finding.message).toBe('This field holds at most 20 characters; it has 29.');
  });

  it('gives no form name where the adapter knows none', async () => {
    const check = vi.fn<AskCheck>(async () => ({ ok: true, value: { findings: [] } }));
    await expect(
      findingsInFields(genericForm, genericForm.fields(parsePage('<textarea name="comments">Fine.</textarea>')), check),
    ).resolves.toEqual([]);
    expect(check).toHaveBeenCalledWith('Fine.', { field: 'comments', role: 'comment', objectives: [] });
  });

  it('is null when any check cannot be run, so the submission is not held up by Margin', async () => {
    const check: AskCheck = async (text): Promise<CheckReply> =>
      text.includes('acheived')
        ? { ok: false, problem: 'The spelling checker could not start' }
        : { ok: true, value: { findings: [] } };
    await expect(findingsInFields(agencySessionReport, agencySessionReport.fields(page), check)).resolves.toBeNull();
  });
});
