import { describe, expect, it } from 'vitest';
import { tutorLabel } from './tutor-label.ts';

describe('a tutor’s label on the quality pages', () => {
  it('is the name alone when nobody else has it, and tells two of one name apart otherwise', () => {
    const first = { name: 'Sam Lee', member: true, memberSince: '2026-09-01T09:30:00Z' };
    const second = { name: 'sam lee', member: true, memberSince: '2026-11-20T14:05:00Z' };
    const outside = { name: 'Sam Lee', member: false };
    const tia = { name: 'Tia Tutor', member: true, memberSince: '2026-09-01' };
    const everyone = [first, second, outside, tia];
    expect(tutorLabel(tia, everyone)).toBe('Tia Tutor');
    expect(tutorLabel(first, [first, tia])).toBe('Sam Lee');
    expect(tutorLabel(first, everyone)).toMatch(/^Sam Lee \(joined 1 Sept? 2026, \d\d:\d\d\)$/);
    expect(tutorLabel(second, everyone)).toMatch(/^sam lee \(joined 20 Nov 2026, \d\d:\d\d\)$/);
    expect(tutorLabel(outside, everyone)).toBe('Sam Lee (not in Margin)');
  });
});
