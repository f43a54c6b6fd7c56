import { describe, expect, it } from 'vitest';
import type { ContentSegment } from '../../../shared/domain/analysis.ts';
import {
  chapterTime,
  escapeFfmetadata,
  ffmetadataChapters,
  planChapters,
  youtubeChapters,
  youtubeMinChapterSec,
} from './chapters.ts';

function segment(start: number, end: number, title: string): ContentSegment {
  return { start, end, title, topic: title.toLowerCase(), importance: 0.5, reasons: [] };
}

/** YouTube's rules, checked on the text a lecturer pastes, not on our own data structure. */
function assertYoutubeRules(text: string, durationSec: number): void {
  const starts = text
    .trimEnd()
    .split('\n')
    .map((line) => {
      const match = /^(?:(\d+):)?(\d{1,2}):(\d{2}) \S/.exec(line);
      if (!match) throw new Error(`not a chapter line: ${line}`);
      return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
    });
  expect(text.startsWith('0:00 ')).toBe(true);
  expect(starts.length).toBeGreaterThanOrEqual(3);
  [...starts, durationSec].forEach((start, i) => {
    if (i > 0) expect(start - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(youtubeMinChapterSec);
  });
}

describe('planChapters', () => {
  it('covers the lecture from 0 to its end, each chapter running to the next', () => {
    expect(
      planChapters(
        [segment(40, 50, 'B'), segment(4.5, 30, ' A\n'), segment(40, 45, 'dup'), segment(99, 120, 'late')],
        90,
      ),
    ).toEqual([
      { start: 0, end: 40, title: 'A' },
      { start: 40, end: 90, title: 'B' },
    ]);
  });
});

describe('youtubeChapters', () => {
  it('writes `m:ss Title` lines from 0:00', () => {
    const result = youtubeChapters(
      [segment(0, 62, 'Work'), segment(62, 130, 'Energy'), segment(130, 203, 'Pendulum')],
      203.3,
    );
    expect(result.text).toBe('0:00 Work\n1:02 Energy\n2:10 Pendulum\n');
    expect(result.adjustments).toEqual([]);
  });

  it('uses h:mm:ss past an hour and floors starts to the second', () => {
    const result = youtubeChapters(
      [segment(0, 1800, 'First half'), segment(1800.9, 3605.5, 'Second half'), segment(3605.5, 5000, 'Questions')],
      5000,
    );
    expect(result.text).toBe('0:00 First half\n30:00 Second half\n1:00:05 Questions\n');
    assertYoutubeRules(result.text ?? '', 5000);
  });

  it('moves the first chapter to 0:00 and merges chapters under 10 s, saying so', () => {
    const result = youtubeChapters(
      [
        segment(12, 60, 'Recap'),
        segment(60, 65, 'Aside'),
        segment(65, 300, 'Gravity'),
        segment(300, 304, 'Wrap-up'),
        segment(304, 600, 'Orbits'),
        segment(600, 606, 'Thanks'),
      ],
      606,
    );
    expect(result.text).toBe('0:00 Recap\n1:05 Gravity\n5:04 Orbits\n');
    expect(result.adjustments).toEqual([
      'The first chapter now starts at 0:00 instead of 0:12, as YouTube requires.',
      '"Wrap-up" (5:00, 4 s) was merged with "Gravity": YouTube chapters last at least 10 s.',
      '"Aside" (1:00, 5 s) was merged with "Recap": YouTube chapters last at least 10 s.',
      '"Thanks" (10:00, 6 s) was merged with "Orbits": YouTube chapters last at least 10 s.',
    ]);
    assertYoutubeRules(result.text ?? '', 606);
  });

  it('gives no chapters when fewer than three of 10 s remain', () => {
    const result = youtubeChapters([segment(0, 20, 'Only'), segment(20, 25, 'Tiny'), segment(25, 40, 'Two')], 40);
    expect(result.text).toBeNull();
    expect(result.chapters.map((chapter) => chapter.title)).toEqual(['Only', 'Two']);
    expect(result.adjustments.at(-1)).toMatch(/at least 3 chapters.*has 2/);
    expect(youtubeChapters([], 100).text).toBeNull();
  });

  it('always meets the rules on many random segmentations', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 300; run += 1) {
      const duration = 20 + random() * 4000;
      const segments = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => {
        const start = random() * duration;
        return segment(start, start + random() * 60, `T${i}`);
      });
      const result = youtubeChapters(segments, duration);
      if (result.text !== null) assertYoutubeRules(result.text, duration);
      else expect(result.chapters.length).toBeLessThan(3);
    }
  });

  it('formats chapter times', () => {
    expect([0, 9.99, 61, 3599.5, 3600, 36_000].map(chapterTime)).toEqual([
      '0:00',
      '0:09',
      '1:01',
      '59:59',
      '1:00:00',
      '10:00:00',
    ]);
  });
});

describe('ffmetadataChapters', () => {
  it('writes millisecond chapters with escaped titles', () => {
    expect(ffmetadataChapters([segment(0.5, 7.25, 'E = mc²; #1'), segment(7.25, 11, 'C:\\path')], 11.0005)).toBe(
      [
        ';FFMETADATA1',
        '',
        '[CHAPTER]',
        'TIMEBASE=1/1000',
        'START=0',
        'END=7250',
        'title=E \\= mc²\\; \\#1',
        '',
        '[CHAPTER]',
        'TIMEBASE=1/1000',
        'START=7250',
        'END=11001',
        'title=C:\\\\path',
        '',
      ].join('\n'),
    );
  });

  it('escapes every character FFmpeg reserves, newlines included', () => {
    expect(escapeFfmetadata('a=b;c#d\\e\nf')).toBe('a\\=b\\;c\\#d\\\\e\\\nf');
  });
});
