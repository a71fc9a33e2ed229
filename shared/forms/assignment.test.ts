import { describe, expect, it } from 'vitest';
import { Assignment } from './assignment.ts';

const good = {
  id: 'a1',
  learners: [{ id: 'l1', name: 'Sam' }],
  subject: 'Maths',
  startDate: '2026-11-02',
  endDate: '2027-02-12',
};
const messages = (input: unknown) => Assignment.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];

describe('Assignment schema', () => {
  it('accepts one learner or a group of up to three, with an empty brief by default', () => {
    expect(Assignment.parse(good).brief).toBe('');
    const three = [1, 2, 3].map((n) => ({ id: `l${n}`, name: `Learner ${n}` }));
    expect(messages({ ...good, learners: three })).toEqual([]);
    expect(messages({ ...good, learners: [...three, { id: 'l4', name: 'Four' }] })).toEqual([
      'A group has at most three learners.',
    ]);
    expect(messages({ ...good, learners: [] })).toEqual(['Choose at least one learner.']);
  });

  it('needs the end after the start, and says so even when the subject is missing', () => {
    expect(messages({ ...good, endDate: '2026-11-02' })).toEqual(['The end date must be after the start date.']);
    expect(messages({ ...good, subject: undefined, endDate: '2026-10-01' })).toHaveLength(2);
  });

  it('holds a brief of up to 1,024 characters', () => {
    expect(messages({ ...good, brief: 'b'.repeat(1024) })).toEqual([]);
    expect(messages({ ...good, brief: 'b'.repeat(1025) })).toEqual([
      'This field holds at most 1,024 characters; it has 1025.',
    ]);
  });
});
