import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../shared/domain/analysis.ts';
import type { MediaInfo } from '../../../shared/domain/media.ts';
import { edlTrack, highlightsEdl, timecode } from './edl.ts';
import { exportFrameRate, secondsToFrames } from './frameRate.ts';

function mediaAt(frameRate: number | null, hasVideo = true): MediaInfo {
  return {
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationSec: 3000,
    sizeBytes: 1,
    bitRate: null,
    audio: { index: 1, codec: 'aac', sampleRate: 48000, channels: 2, language: null },
    video: hasVideo ? { index: 0, codec: 'h264', width: 1280, height: 720, frameRate } : null,
    subtitles: [],
  };
}

const highlights: Highlight[] = [
  { start: 12.2, end: 20.41, title: 'Mechanical energy', score: 0.9, segment: 0 },
  { start: 100, end: 130.5, title: 'Put my life\non the line', score: 0.8, segment: 1 },
];

describe('secondsToFrames', () => {
  it('rounds to the nearest frame at 25 fps, halves up, free of float error', () => {
    const rate = exportFrameRate(mediaAt(25));
    expect([0, 0.019, 0.02, 0.3, 1.1, 12.2, 20.41, 3600].map((s) => secondsToFrames(s, rate))).toEqual([
      0, 0, 1, 8, 28, 305, 510, 90_000,
    ]);
  });

  it('counts 30 fps frames exactly', () => {
    const rate = exportFrameRate(mediaAt(30));
    expect([1 / 60, 0.05, 12.2, 20.41].map((s) => secondsToFrames(s, rate))).toEqual([1, 2, 366, 612]);
  });

  it('counts real 29.97 frames (30000/1001), which drift from the clock', () => {
    const rate = exportFrameRate(mediaAt(30000 / 1001));
    // 60 s hold 1798.2 frames: the 30 fps timecode reads 00:00:59:28 at one minute.
    expect([1, 12.2, 60, 3600].map((s) => secondsToFrames(s, rate))).toEqual([30, 366, 1798, 107_892]);
    expect(timecode(secondsToFrames(60, rate), rate)).toBe('00:00:59:28');
  });
});

describe('exportFrameRate', () => {
  it('keeps integer rates, maps NTSC rates onto their whole timebase with a note, and gives audio 25 fps', () => {
    expect(exportFrameRate(mediaAt(25))).toEqual({ timebase: 25, frameNum: 1, frameDen: 25, note: null });
    expect(exportFrameRate(mediaAt(30.0000001))).toMatchObject({ timebase: 30, frameNum: 1, frameDen: 30, note: null });
    expect(exportFrameRate(mediaAt(29.97002997))).toMatchObject({ timebase: 30, frameNum: 1001, frameDen: 30000 });
    expect(exportFrameRate(mediaAt(29.97)).note).toMatch(/29\.97 fps.*30 fps non-drop-frame/);
    expect(exportFrameRate(mediaAt(23.976))).toMatchObject({ timebase: 24, frameNum: 1001, frameDen: 24000 });
    expect(exportFrameRate(mediaAt(59.94))).toMatchObject({ timebase: 60, frameNum: 1001, frameDen: 60000 });
    expect(exportFrameRate(mediaAt(null, false))).toMatchObject({ timebase: 25, frameDen: 25 });
    expect(exportFrameRate(mediaAt(null, false)).note).toMatch(/no video/);
    expect(exportFrameRate(mediaAt(null))).toMatchObject({ timebase: 25 });
    expect(exportFrameRate(mediaAt(14.6))).toMatchObject({ timebase: 15, frameDen: 15 });
    expect(exportFrameRate(mediaAt(14.6)).note).toMatch(/14\.6 fps/);
  });
});

describe('timecode', () => {
  it('writes HH:MM:SS:FF at the timebase', () => {
    const at25 = exportFrameRate(mediaAt(25));
    expect([0, 24, 25, 1499, 1500, 90_000, 90_000 + 305].map((f) => timecode(f, at25))).toEqual([
      '00:00:00:00',
      '00:00:00:24',
      '00:00:01:00',
      '00:00:59:24',
      '00:01:00:00',
      '01:00:00:00',
      '01:00:12:05',
    ]);
  });
});

describe('highlightsEdl', () => {
  const input = { title: 'Lecture 11: Work & Energy', sourcePath: '/media/lectures/Lecture 11.mp4', highlights };

  it('writes CMX3600 cuts back to back from 01:00:00:00 at 25 fps', () => {
    expect(highlightsEdl({ ...input, media: mediaAt(25) })).toBe(
      [
        'TITLE: Lecture 11: Work & Energy',
        'FCM: NON-DROP FRAME',
        '',
        '001  AX       AA/V  C        00:00:12:05 00:00:20:10 01:00:00:00 01:00:08:05',
        '* FROM CLIP NAME: Lecture 11.mp4',
        '* COMMENT: Mechanical energy',
        '',
        '002  AX       AA/V  C        00:01:40:00 00:02:10:13 01:00:08:05 01:00:38:18',
        '* FROM CLIP NAME: Lecture 11.mp4',
        '* COMMENT: Put my life on the line',
        '',
      ].join('\n'),
    );
  });

  it('labels 29.97 fps frames with 30 fps non-drop timecode', () => {
    const edl = highlightsEdl({ ...input, media: mediaAt(30000 / 1001) });
    expect(edl).toContain('001  AX       AA/V  C        00:00:12:06 00:00:20:12 01:00:00:00 01:00:08:06\n');
    // 100 s is frame 2997 (00:01:39:27); 130.5 s is 3911.1, frame 3911 (00:02:10:11).
    expect(edl).toContain('002  AX       AA/V  C        00:01:39:27 00:02:10:11 01:00:08:06 01:00:38:20\n');
  });

  it('uses a 25 fps audio-only event for a recording without video', () => {
    const edl = highlightsEdl({ ...input, media: mediaAt(null, false) });
    expect(edl).toContain('001  AX       AA    C        00:00:12:05 00:00:20:10 01:00:00:00 01:00:08:05\n');
  });

  it('parses back into the same cuts, each record length equal to its source length', () => {
    for (const fps of [25, 30, 30000 / 1001]) {
      const rate = exportFrameRate(mediaAt(fps));
      const events = parseEdl(highlightsEdl({ ...input, media: mediaAt(fps) }), rate.timebase);
      expect(events.map((event) => event.number)).toEqual([1, 2]);
      expect(events[0]?.recordIn).toBe(3600 * rate.timebase);
      events.forEach((event, i) => {
        expect(event.reel).toBe('AX');
        expect(event.clipName).toBe('Lecture 11.mp4');
        expect(event.sourceIn).toBe(secondsToFrames(highlights[i]?.start ?? 0, rate));
        expect(event.sourceOut).toBe(secondsToFrames(highlights[i]?.end ?? 0, rate));
        expect(event.recordOut - event.recordIn).toBe(event.sourceOut - event.sourceIn);
        if (i > 0) expect(event.recordIn).toBe(events[i - 1]?.recordOut);
      });
      expect(events.map((event) => event.comment)).toEqual(['Mechanical energy', 'Put my life on the line']);
    }
  });

  it('keeps a cut inside the recording and at least one frame long', () => {
    const media = { ...mediaAt(25), durationSec: 10 };
    const edl = highlightsEdl({
      ...input,
      media,
      highlights: [
        { start: 5, end: 5.01, title: 'blink', score: 1, segment: 0 },
        { start: 9.5, end: 12, title: 'past the end', score: 1, segment: 0 },
      ],
    });
    const events = parseEdl(edl, 25);
    expect(events.map((e) => [e.sourceIn, e.sourceOut])).toEqual([
      [125, 126],
      [238, 250],
    ]);
  });

  it('names tracks by what the recording holds', () => {
    expect([edlTrack(true, true), edlTrack(true, false), edlTrack(false, true)]).toEqual(['AA/V', 'V', 'AA']);
  });
});

interface EdlEvent {
  number: number;
  reel: string;
  track: string;
  sourceIn: number;
  sourceOut: number;
  recordIn: number;
  recordOut: number;
  clipName?: string;
  comment?: string;
}

const timecodeField = '((?:\\d\\d:){3}\\d\\d)';
/** Event number, two spaces, reel, track, cut, then source in/out and record in/out. */
const eventLine = new RegExp(
  `^(\\d{3}) {2}(\\S{1,8})\\s+(V|A|AA|AA/V|B)\\s+C\\s+${timecodeField} ${timecodeField} ${timecodeField} ${timecodeField}$`,
);

/** Reads CMX3600 the way an NLE does: header, then fixed fields per event line, `*` notes attach to the event. */
function parseEdl(text: string, timebase: number): EdlEvent[] {
  const lines = text.split('\n');
  expect(lines[0]).toMatch(/^TITLE: .{1,70}$/);
  expect(lines[1]).toBe('FCM: NON-DROP FRAME');
  const frames = (tc: string): number => {
    const [h, m, s, f] = tc.split(':').map(Number);
    expect(f).toBeLessThan(timebase);
    return (((h ?? 0) * 60 + (m ?? 0)) * 60 + (s ?? 0)) * timebase + (f ?? 0);
  };
  const events: EdlEvent[] = [];
  for (const line of lines.slice(2)) {
    const event = eventLine.exec(line);
    const last = events.at(-1);
    if (event) {
      const [, number, reel, track, sIn, sOut, rIn, rOut] = event;
      events.push({
        number: Number(number),
        reel: reel ?? '',
        track: track ?? '',
        sourceIn: frames(sIn ?? ''),
        sourceOut: frames(sOut ?? ''),
        recordIn: frames(rIn ?? ''),
        recordOut: frames(rOut ?? ''),
      });
    } else if (line.startsWith('* FROM CLIP NAME: ') && last) {
      last.clipName = line.slice('* FROM CLIP NAME: '.length);
    } else if (line.startsWith('* COMMENT: ') && last) {
      last.comment = line.slice('* COMMENT: '.length);
    } else {
      expect(line).toBe('');
    }
  }
  return events;
}
