import { describe, expect, it } from 'vitest';
import { evalDir } from '../../../../test/env.ts';
import { type DatasetScore, type MethodName, combineScores, formatScores, scoreDataset, scoreOf } from './benchmark.ts';
import { loadMavils, loadPhysicsLectures } from './datasets.ts';

// The brief's three baselines, plus the two control rows: a method that beats them places boundaries better than an
// even split of its own count, and better than proposing none.
const baselines: MethodName[] = ['even', 'random', 'texttiling', 'even-own-count', 'none'];

function expectBeatsBaselines(result: DatasetScore): void {
  const ours = scoreOf(result, 'lectern');
  for (const baseline of baselines) {
    const theirs = scoreOf(result, baseline);
    expect(ours.pk, `${result.dataset}: Pk vs ${baseline}`).toBeLessThan(theirs.pk);
    expect(ours.windowDiff, `${result.dataset}: WindowDiff vs ${baseline}`).toBeLessThan(theirs.windowDiff);
  }
  for (const s of result.scores.filter((x) => x.method === 'lectern')) {
    expect(s.segments).toBeGreaterThanOrEqual(5);
    expect(s.segments).toBeLessThanOrEqual(15);
  }
}

describe('segmentLecture against human topic boundaries', () => {
  it('beats even, random and plain TextTiling on the physics lectures, manual and ASR', () => {
    const manual = scoreDataset('physics, manual', loadPhysicsLectures(evalDir, 'manual'), () => ({}));
    const asr = scoreDataset('physics, ASR', loadPhysicsLectures(evalDir, 'asr'), () => ({}));
    const both = combineScores('physics, manual + ASR', [manual, asr]);
    console.log(formatScores([manual, asr, both]));
    expectBeatsBaselines(both);
    expectBeatsBaselines(manual);
    expectBeatsBaselines(asr);
  });

  it('beats them on the MaViLS slide changes using text and pauses only', () => {
    // The gold here is the slide changes themselves, so giving the method slide evidence would hand it the answer.
    // It gets what a transcript alone provides: the text and the pauses between the recogniser's words.
    const mavils = scoreDataset('MaViLS (text + pauses)', loadMavils(evalDir), (l) => ({ pauses: l.pauses ?? [] }));
    console.log(formatScores([mavils]));
    expectBeatsBaselines(mavils);
  });
});
