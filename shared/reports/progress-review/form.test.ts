import { describe, expect, it } from 'vitest';
import {
  ProgressReviewChecklist,
  allReviewPoints,
  progressReviewFieldId,
  progressReviewFieldLabel,
  reviewStages,
} from './form.ts';

const strong = { strength: 'Strong', evidence: 'Termly review notes show targets set by learners.', action: '' };
const everyPoint = () => Object.fromEntries(allReviewPoints.map((point) => [point.id, { ...strong }]));
const good = () => ({ title: 'Level 2 maths, autumn', date: '2026-11-23', points: everyPoint(), customPoints: {} });
const issues = (input: unknown) =>
  ProgressReviewChecklist.safeParse(input).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ??
  [];

describe('progress-review checklist', () => {
  it('has the four stages of the resource, with unique point ids', () => {
    expect(reviewStages.map((stage) => stage.key)).toEqual(['learners', 'teachers', 'employers', 'guidance']);
    expect(reviewStages.map((stage) => stage.points.length)).toEqual([11, 13, 10, 12]);
    expect(new Set(allReviewPoints.map((point) => point.id)).size).toBe(allReviewPoints.length);
  });

  it('accepts every point rated strong with its evidence', () => {
    expect(issues(good())).toEqual([]);
  });

  it('needs evidence unless the strength is none, and an action unless it is strong', () => {
    const checklist = good();
    checklist.points['learners-1'] = { strength: 'Superficial', evidence: '', action: '' };
    checklist.points['learners-2'] = { strength: 'None', evidence: '', action: 'Start learner-led reviews.' };
    checklist.points['teachers-6'] = { strength: undefined as never, evidence: '', action: '' };
    expect(issues(checklist)).toEqual([
      'points.learners-1.evidence: Describe the evidence behind this rating.',
      'points.learners-1.action: Say what needs to happen to develop this point.',
      'points.teachers-6.strength: Rate the strength of the evidence: none, superficial or strong.',
    ]);
  });

  it('takes a reviewer’s own point with its stage and statement', () => {
    const checklist = good();
    const custom = { ...strong, stage: 'employers', statement: 'Mentors visit placements every term.' };
    expect(issues({ ...checklist, customPoints: { c1: custom } })).toEqual([]);
    expect(issues({ ...checklist, customPoints: { c1: { ...custom, statement: ' ' } } })).toEqual([
      'customPoints.c1.statement: Write the point, or remove it.',
    ]);
  });

  it('limits evidence to 1,024 characters', () => {
    const checklist = good();
    checklist.points['guidance-3'] = { ...strong, evidence: 'e'.repeat(1024) };
    expect(issues(checklist)).toEqual([]);
    checklist.points['guidance-3'] = { ...strong, evidence: 'e'.repeat(1025) };
    expect(issues(checklist)).toEqual([
      'points.guidance-3.evidence: This field holds at most 1,024 characters; it has 1025.',
    ]);
  });

  it('names the form element and label of a problem', () => {
    expect(progressReviewFieldId(['points', 'teachers-6', 'evidence'])).toBe('evidence-teachers-6');
    expect(progressReviewFieldId(['customPoints', 'c1', 'statement'])).toBe('statement-c1');
    expect(progressReviewFieldLabel('evidence-teachers-6')).toBe('Evidence: Sets homework with detailed feedback.');
    expect(progressReviewFieldLabel('action-c1', { c1: 'Mentors visit.' })).toBe(
      'What needs to happen: Mentors visit.',
    );
  });
});
