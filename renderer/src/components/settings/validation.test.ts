import { describe, expect, it } from 'vitest';
import { clipLengthSchema } from '../../../../shared/domain/settings.ts';
import { clipDefaultsSchema } from '../../../../shared/domain/appSettings.ts';
import { plainRefusal } from '../../ipc/settingsCommands.ts';
import { clipCountProblem, clipLengthProblems, parseNumber } from './validation.ts';

describe('settings checks', () => {
  it('agree with the settings schema on clip counts', () => {
    for (const count of [0, 1, 5, 20, 21, 2.5]) {
      const schemaAccepts = clipDefaultsSchema.safeParse({ clipCount: count }).success;
      expect(clipCountProblem(count) === null, `count ${count}`).toBe(schemaAccepts);
    }
    expect(clipCountProblem(parseNumber(''))).toMatch(/from 1 to 20/);
  });

  it('agree with the settings schema on clip lengths, and say which end is wrong', () => {
    const cases: [number, number][] = [
      [20, 90],
      [20, 24],
      [20, 25],
      [4, 90],
      [20, 700],
      [600, 600],
    ];
    for (const [minSec, maxSec] of cases) {
      const problems = clipLengthProblems(minSec, maxSec);
      const ok = Object.keys(problems).length === 0;
      expect(ok, `${minSec}-${maxSec}`).toBe(clipLengthSchema.safeParse({ minSec, maxSec }).success);
    }
    expect(clipLengthProblems(20, 24).max).toBe(
      'The longest clip must be at least 5 seconds longer than the shortest (20 s).',
    );
    expect(clipLengthProblems(4, 90).min).toMatch(/between 5 and 600 seconds/);
  });

  it('turn a refused request into its reason alone', () => {
    const message =
      'Lectern refused a malformed "settings:update" request: ✖ the longest clip must be at least 5 s longer than the shortest\n  → at clips.clipLength';
    expect(plainRefusal(message)).toBe('The longest clip must be at least 5 s longer than the shortest');
    expect(plainRefusal('The disk is full.')).toBe('The disk is full.');
  });
});
