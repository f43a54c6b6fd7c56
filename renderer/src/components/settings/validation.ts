/*
 * The settings screen's checks, in the lecturer's words, made as they type: the same limits as the settings schema
 * (shared/domain/appSettings.ts), which the main process enforces again when saving.
 */

export const clipCountRange = { min: 1, max: 20 } as const;
export const clipSecondsRange = { min: 5, max: 600 } as const;
/** The longest clip must be this much longer than the shortest, or selection has no room to find a pause. */
export const clipLengthGap = 5;

/** A number field's text as a number, or null when it is empty or not a number. */
export function parseNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function clipCountProblem(value: number | null): string | null {
  const { min, max } = clipCountRange;
  if (value === null || !Number.isInteger(value) || value < min || value > max) {
    return `Choose a whole number of clips from ${min} to ${max}.`;
  }
  return null;
}

export function clipLengthProblems(minSec: number | null, maxSec: number | null): { min?: string; max?: string } {
  const { min, max } = clipSecondsRange;
  const problems: { min?: string; max?: string } = {};
  if (minSec === null || minSec < min || minSec > max) {
    problems.min = `The shortest clip must be between ${min} and ${max} seconds.`;
  }
  if (maxSec === null || maxSec < min || maxSec > max) {
    problems.max = `The longest clip must be between ${min} and ${max} seconds.`;
  } else if (minSec !== null && !problems.min && maxSec < minSec + clipLengthGap) {
    problems.max = `The longest clip must be at least ${clipLengthGap} seconds longer than the shortest (${minSec} s).`;
  }
  return problems;
}
