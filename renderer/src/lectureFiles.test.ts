import { describe, expect, it } from 'vitest';
import { lectureFileAccept, refuseByName, sortLectureFiles } from './lectureFiles.ts';

describe('refuseByName', () => {
  it('accepts every lecture extension, in any case', () => {
    for (const name of ['week1.mp4', 'Week 2.MKV', 'talk.final.mov', 'audio.m4a', 'a.Opus', 'b.flac']) {
      expect(refuseByName(name)).toBeNull();
    }
  });

  it('refuses other files, saying what it accepts', () => {
    expect(refuseByName('slides.pdf')).toMatch(
      /^"slides\.pdf" is not a recording Lectern can open\. It accepts \.mp4, /,
    );
    expect(refuseByName('notes')).not.toBeNull();
    expect(refuseByName('.mp4')).not.toBeNull();
    expect(refuseByName('lecture.mp4.part')).not.toBeNull();
  });
});

describe('sortLectureFiles', () => {
  it('queues recordings by their path on disk and refuses the rest with a reason', () => {
    const files = [{ name: 'week1.mp4' }, { name: 'slides.pdf' }, { name: 'from-browser.webm' }];
    const result = sortLectureFiles(files, (file) =>
      file.name === 'from-browser.webm' ? '' : `/home/ana/${file.name}`,
    );
    expect(result.paths).toEqual(['/home/ana/week1.mp4']);
    expect(result.refused.map((r) => r.name)).toEqual(['slides.pdf', 'from-browser.webm']);
    expect(result.refused[1]?.reason).toContain('not a file on this computer');
  });

  it('does not ask for the path of a file it already refused', () => {
    const asked: string[] = [];
    sortLectureFiles([{ name: 'slides.pdf' }], (file) => {
      asked.push(file.name);
      return '/x';
    });
    expect(asked).toEqual([]);
  });
});

it('offers the same extensions to the file picker', () => {
  expect(lectureFileAccept.split(',')).toContain('.mkv');
  expect(lectureFileAccept).not.toContain(' ');
});
