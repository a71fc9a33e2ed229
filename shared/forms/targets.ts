// The target rule (domain guide 000): a target is at least 10 percentage points above the assessment score.
// A score above 90 leaves no room for +10, so there the target must be 100%.

export const targetGap = 10;

/** The lowest target allowed for a score. */
export function minimumTarget(score: number): number {
  return Math.min(100, score + targetGap);
}

/** Why a target is too low for a score, or undefined when it is fine (exactly +10 is fine). */
export function targetProblem(score: number, target: number): string | undefined {
  if (target >= minimumTarget(score)) return undefined;
  if (score + targetGap > 100) return `With a score of ${score}%, the target must be 100%.`;
  return `The target must be at least 10 points above the score of ${score}%: ${score + targetGap}% or more.`;
}
