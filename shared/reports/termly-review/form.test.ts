import { describe, expect, it } from 'vitest';
import {
  activeSteps,
  reviewTypeLabel,
  stepProblems,
  teachersStandards,
  termlyReviewProblems,
  type TermlyReviewValues,
} from './form.ts';

const complete = (): TermlyReviewValues => ({
  teacherName: 'Sam Patel',
  term: 'autumn',
  academicYear: 2025,
  periodStart: '2025-09-01',
  periodEnd: '2025-12-19',
  contractType: 'Permanent',
  daysPerWeek: 5,
  staying: 'Yes',
  daysServed: 71,
  hadAbsences: 'No',
  receivedSupport: 'Yes',
  supportReasons: '',
  recommendation: 'on-track',
  recommendationReasons: 'Sets high expectations (TS1).',
  standardsOfConcern: [],
  nextDaysPerWeek: 5,
  nextContractType: 'Permanent',
  forwardingContact: '',
});

const messages = (step: Parameters<typeof stepProblems>[0], values: TermlyReviewValues) =>
  stepProblems(step, values).map((p) => `${p.fieldId}: ${p.message}`);

describe('the termly progress review form', () => {
  it('lists TS1 to TS8 with their titles', () => {
    expect(teachersStandards.map((standard) => standard.id)).toEqual([
      'TS1',
      'TS2',
      'TS3',
      'TS4',
      'TS5',
      'TS6',
      'TS7',
      'TS8',
    ]);
    expect(teachersStandards[6].title).toBe(
      'Manage behaviour effectively to ensure a good and safe learning environment',
    );
  });

  it('accepts a complete review that is on track, in six steps', () => {
    expect(termlyReviewProblems(complete())).toEqual([]);
    expect(activeSteps(complete()).map((step) => step.key)).toEqual([
      'contract',
      'staying',
      'days',
      'support',
      'recommendation',
      'next-term',
    ]);
  });

  it('asks for each missing contract detail, and for a period that ends after it starts', () => {
    expect(messages('contract', { ...complete(), contractType: undefined, daysPerWeek: undefined })).toEqual([
      'contractType: Choose the contract type.',
      'daysPerWeek: Give the days worked each week.',
    ]);
    expect(messages('contract', { ...complete(), periodEnd: '2025-08-01' })).toEqual([
      'periodEnd: The period must end after it starts.',
    ]);
  });

  it('turns a teacher who is leaving into an interim assessment, which needs confirming and a leaving date', () => {
    const leaving = { ...complete(), staying: 'No' };
    expect(messages('staying', leaving)).toEqual([
      'interimConfirmed: Confirm that you are completing an interim assessment instead.',
      'leavingDate: Give the date the teacher leaves.',
    ]);
    expect(messages('staying', { ...leaving, interimConfirmed: true, leavingDate: '2025-11-28' })).toEqual([]);
    expect(reviewTypeLabel(leaving)).toBe('Interim assessment');
    expect(reviewTypeLabel(complete())).toBe('Autumn term progress review');
    expect(messages('next-term', leaving)).toEqual([
      'forwardingSchool: Give the school or appropriate body the teacher is moving to.',
    ]);
  });

  it('needs days absent when there were absences, never more than the days served', () => {
    expect(messages('days', { ...complete(), hadAbsences: 'Yes' })).toEqual(['daysAbsent: Give the days absent.']);
    expect(messages('days', { ...complete(), hadAbsences: 'Yes', daysAbsent: 80 })).toEqual([
      'daysAbsent: Days absent cannot be more than the days served.',
    ]);
    expect(messages('days', { ...complete(), daysServed: 2.5 })).toEqual([
      'daysServed: Give the days served as a whole number.',
    ]);
  });

  it('needs the reasons when support and entitlements were not received', () => {
    expect(messages('support', { ...complete(), receivedSupport: 'No' })).toEqual([
      'supportReasons: Explain why the support or entitlements were not received.',
    ]);
    expect(
      messages('support', { ...complete(), receivedSupport: 'No', supportReasons: 'The mentor left in October.' }),
    ).toEqual([]);
  });

  it('needs reasons for the recommendation', () => {
    expect(messages('recommendation', { ...complete(), recommendationReasons: '  ' })).toEqual([
      'recommendationReasons: Give brief reasons for your recommendation.',
    ]);
  });

  it('when not on track, adds the concerns step: a standard ticked, the teacher told, and a support plan attached', () => {
    const concern = { ...complete(), recommendation: 'not-on-track' };
    expect(activeSteps(concern).map((step) => step.key)).toContain('concerns');
    expect(messages('concerns', concern)).toEqual([
      'standardsOfConcern: Tick at least one standard that is a cause for concern.',
      'teacherInformed: The teacher must be told they are not on track before the review goes on: answer yes once they have been.',
      'supportPlan: Attach the support plan: a teacher who is not on track needs one before you continue.',
    ]);
    expect(messages('concerns', { ...concern, standardsOfConcern: ['TS2'], teacherInformed: 'No' })[0]).toMatch(
      /^teacherInformed: The teacher must be told/,
    );
    const ready = {
      ...concern,
      standardsOfConcern: ['TS2'],
      teacherInformed: 'Yes',
      supportPlan: { name: 'plan.pdf', type: 'application/pdf', size: 10, sha256: 'ab' },
    };
    expect(messages('concerns', ready)).toEqual([]);
    expect(termlyReviewProblems(ready)).toEqual([]);
  });
});
