import { describe, expect, it } from 'vitest';
import { minimumTarget, targetProblem } from './targets.ts';

describe('target rule', () => {
  it('passes a target exactly 10 points above the score and refuses one 9 above', () => {
    expect(targetProblem(45, 55)).toBeUndefined();
    expect(targetProblem(45, 54)).toBe('The target must be at least 10 points above the score of 45%: 55% or more.');
    expect(targetProblem(45, 80)).toBeUndefined();
  });

  it('asks for 100% when the score leaves no room for 10 more points', () => {
    expect(minimumTarget(95)).toBe(100);
    expect(targetProblem(95, 100)).toBeUndefined();
    expect(targetProblem(95, 99)).toBe('With a score of 95%, the target must be 100%.');
    expect(targetProblem(90, 100)).toBeUndefined();
    expect(targetProblem(90, 99)).toBe('The target must be at least 10 points above the score of 90%: 100% or more.');
  });
});
