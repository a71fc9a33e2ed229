import { describe, expect, it } from 'vitest';
import { agencySessionReport } from './agency-session-report.ts';
import { genericForm } from './generic-form.ts';
import { marginReportPage } from './margin.ts';
import { anywhere, e2ePage, parsePage } from '../testing/parsed-page.ts';
import { adapterFor } from './registry.ts';
import type { FormField } from './site-adapter.ts';

const summary = (fields: FormField[]) => fields.map(({ key, label, role, limit }) => ({ key, label, role, limit }));

// A page drawn the way Margin's report page draws its fields (app/src/editor/TextField.tsx) and buttons.
const marginPage = parsePage(`<main>
  <div class="workflow-actions"><button type="button">Submit report</button></div>
  <div class="field"><label id="learningObjective1-label">Learning objective 1</label>
    <div id="learningObjective1" contenteditable="true" role="textbox" aria-labelledby="learningObjective1-label" data-margin-checks="app"><p>To know fractions</p></div></div>
  <div class="field"><label id="progressComment-label">Comment on progress towards learning objectives</label>
    <div id="progressComment" contenteditable="true" role="textbox" aria-labelledby="progressComment-label" data-margin-checks="app"></div></div>
  <div class="field"><label id="engagementComment-label">Engagement comment</label>
    <div id="engagementComment" contenteditable="false" role="textbox" aria-labelledby="engagementComment-label" data-margin-checks="app"></div></div>
</main>`);

describe('adapterFor', () => {
  it('picks the most specific adapter that matches the page', () => {
    expect(adapterFor(marginPage, anywhere).name).toBe('margin');
    expect(adapterFor(e2ePage('agency-report.html'), anywhere).name).toBe('agency-session-report');
    expect(adapterFor(e2ePage('generic-form.html'), anywhere).name).toBe('generic-form');
    expect(adapterFor(parsePage('<p>No form at all</p>'), anywhere).name).toBe('generic-form');
  });

  it('falls back to the generic form adapter when no adapter in the list matches', () => {
    expect(adapterFor(e2ePage('generic-form.html'), anywhere, [marginReportPage, agencySessionReport]).name).toBe(
      'generic-form',
    );
  });

  it('does not take a form for the agency report on one objective-like label alone', () => {
    const page = parsePage('<form><label for="o">Learning objective</label><textarea id="o"></textarea></form>');
    expect(agencySessionReport.matches(page, anywhere)).toBe(false);
  });
});

describe('the agency session report adapter', () => {
  const page = e2ePage('agency-report.html');

  it('knows each field by its label, so objective prompts go to the objective and comment prompts to the comments', () => {
    expect(summary(agencySessionReport.fields(page))).toEqual([
      { key: 'learning-objective', label: 'Learning Objective', role: 'learning-objective', limit: 1024 },
      {
        key: 'progress',
        label: 'Comment On Progress Towards Learning Objectives',
        role: 'progress-comment',
        limit: 1024,
      },
      { key: 'engagement-objective', label: 'Engagement Objective', role: 'other', limit: 1024 },
      { key: 'engagement-comment', label: 'Engagement Comment', role: 'comment', limit: 1024 },
      { key: 'agency-comment', label: 'Comments to the agency', role: 'internal', limit: 1024 },
    ]);
    expect(agencySessionReport.form).toBe('session-report');
    expect(agencySessionReport.submitTriggers).toEqual([
      { kind: 'form-submit', form: 'form' },
      { kind: 'button-click', button: 'button', name: /^save$/i },
    ]);
  });

  it('numbers nothing itself: several objectives are each a learning objective', () => {
    const several = parsePage(`<form>
      <label for="o1">Learning Objective 1</label><textarea id="o1"></textarea>
      <label for="o2">Learning Objective 2</label><textarea id="o2" maxlength="500"></textarea>
      <label for="e">Engagement Comment</label><textarea id="e"></textarea></form>`);
    expect(summary(agencySessionReport.fields(several)).map(({ key, role, limit }) => [key, role, limit])).toEqual([
      ['o1', 'learning-objective', 1024],
      ['o2', 'learning-objective', 500],
      ['e', 'comment', 1024],
    ]);
  });
});

describe('the generic form adapter', () => {
  it('takes the prose fields by label and leaves out names and the like', () => {
    const page = e2ePage('generic-form.html');
    expect(summary(genericForm.fields(page))).toEqual([
      { key: 'summary', label: 'Summary', role: 'comment', limit: undefined },
      { key: 'comments', label: 'Comments', role: 'comment', limit: undefined },
      { key: 'notes', label: 'Notes for the next session', role: 'comment', limit: undefined },
    ]);
  });

  it('leaves out search boxes and inputs that offer choices, whatever their label', () => {
    const page = parsePage(`<form>
      <input type="search" aria-label="Find a learner"><input list="topics" aria-label="Topic"><input role="combobox" aria-label="Class">
      <input aria-label="Headline"></form>`);
    expect(genericForm.fields(page).map((field) => field.label)).toEqual(['Headline']);
  });

  it("leaves Margin's own fields to Margin", () => {
    expect(genericForm.fields(marginPage)).toEqual([]);
  });
});

describe('the Margin adapter', () => {
  it("reads the app's field keys, labels and roles, and skips read-only fields", () => {
    expect(summary(marginReportPage.fields(marginPage))).toEqual([
      { key: 'learningObjective1', label: 'Learning objective 1', role: 'learning-objective', limit: 1024 },
      {
        key: 'progressComment',
        label: 'Comment on progress towards learning objectives',
        role: 'progress-comment',
        limit: 1024,
      },
    ]);
  });

  it('guards the Submit and Resubmit buttons, not the others', () => {
    const [trigger] = marginReportPage.submitTriggers;
    expect(trigger).toMatchObject({ kind: 'button-click' });
    const name = trigger!.kind === 'button-click' ? trigger!.name : /$^/;
    expect(
      ['Submit report', 'Resubmit report', 'Approve report', 'Send back with a reason…'].filter((text) =>
        name.test(text),
      ),
    ).toEqual(['Submit report', 'Resubmit report']);
  });
});
