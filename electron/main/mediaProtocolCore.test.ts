import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobSettingsSchema } from '../../shared/domain/settings.ts';
import { mediaUrl, parseMediaUrl } from '../../shared/ipc/mediaUrl.ts';
import { media } from '../../test/env.ts';
import { createJob, markStageFinished, markStageStarted } from '../db/jobsRepo.ts';
import { closeDatabase, openDatabase, type LecternDb } from '../db/open.ts';
import { clips } from '../db/schema/index.ts';
import {
  answerMediaRequest,
  createMediaResolver,
  parseRange,
  respondToMediaRequest,
  serveFile,
  type MediaResolver,
} from './mediaProtocolCore.ts';

const recording = media('auto-editor-example', 'example.mp4');
const recordingBytes = readFileSync(recording);
const size = recordingBytes.length;

async function bytesOf(body: Readable | null): Promise<Buffer> {
  if (!body) throw new Error('expected a body');
  return Buffer.concat((await body.toArray()) as Buffer[]);
}

let db: LecternDb;
let dir: string;
let resolve: MediaResolver;
/** Job 1 is the example recording with one rendered clip and a waveform; job 2 is another lecture with its own clip. */
const ids = { job: 0, otherJob: 0, clip: 0, otherClip: 0, draftClip: 0 };
const files = { video: '', srt: '', vtt: '', thumbnail: '', waveform: '', otherVideo: '', empty: '' };

beforeAll(() => {
  db = openDatabase(':memory:');
  dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-media-'));
  const clipDir = path.join(dir, 'clips');
  mkdirSync(clipDir);
  files.video = path.join(clipDir, '01-why-heat-flows.mp4');
  files.srt = path.join(clipDir, '01-why-heat-flows.srt');
  files.vtt = path.join(clipDir, '01-why-heat-flows.vtt');
  files.thumbnail = path.join(clipDir, '01-why-heat-flows.jpg');
  files.waveform = path.join(dir, 'waveform.f32');
  files.otherVideo = path.join(dir, 'other-clip.mp4');
  files.empty = path.join(dir, 'empty.vtt');
  // A clip file distinct from the recording, so a mix-up between the two shows in the bytes.
  writeFileSync(files.video, recordingBytes.subarray(1000, 51_000));
  writeFileSync(files.srt, '1\n00:00:00,000 --> 00:00:02,000\nWhy does heat flow?\n');
  writeFileSync(files.vtt, 'WEBVTT\n\n00:00.000 --> 00:02.000\nWhy does heat flow?\n');
  writeFileSync(files.thumbnail, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
  writeFileSync(files.waveform, Buffer.from(new Float32Array([-0.5, 0.5, -0.25, 0.25]).buffer));
  writeFileSync(files.otherVideo, 'another lecture');
  writeFileSync(files.empty, '');

  const settings = jobSettingsSchema.parse({ outputDir: dir });
  ids.job = createJob(db, recording, settings, null).id;
  ids.otherJob = createJob(db, path.join(dir, 'week2.mp4'), settings, null).id;
  const outputs = { video: files.video, srt: files.srt, vtt: files.vtt, thumbnail: files.thumbnail };
  const [clip, draft, other] = db
    .insert(clips)
    .values([
      { jobId: ids.job, start: 0, end: 30, title: 'Why heat flows', score: 0.9, state: 'rendered', outputs },
      { jobId: ids.job, start: 40, end: 70, title: 'Not rendered yet', score: 0.5 },
      {
        jobId: ids.otherJob,
        start: 0,
        end: 30,
        title: 'Week 2',
        score: 0.5,
        state: 'rendered',
        outputs: { video: files.otherVideo, srt: null, vtt: null, thumbnail: null },
      },
    ])
    .returning({ id: clips.id })
    .all();
  ids.clip = clip!.id;
  ids.draftClip = draft!.id;
  ids.otherClip = other!.id;
  markStageStarted(db, ids.job, 'audio', 1);
  markStageFinished(db, ids.job, 'audio', 'done', 2, { waveformPath: files.waveform, peaksPerSecond: 50 });
  // Job 2's audio stage never finished: its waveform is not offered even though the path is recorded.
  markStageStarted(db, ids.otherJob, 'audio', 1);
  markStageFinished(db, ids.otherJob, 'audio', 'failed', 2, { waveformPath: files.waveform, peaksPerSecond: 50 });
  resolve = createMediaResolver(db);
});

afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('createMediaResolver', () => {
  it("finds the recording, the waveform and each of a clip's files", () => {
    expect(resolve(mediaUrl(ids.job, 'source'))).toBe(recording);
    expect(resolve(mediaUrl(ids.job, 'waveform'))).toBe(files.waveform);
    expect(resolve(mediaUrl(ids.job, 'clip', ids.clip))).toBe(files.video);
    expect(resolve(mediaUrl(ids.job, 'srt', ids.clip))).toBe(files.srt);
    expect(resolve(mediaUrl(ids.job, 'vtt', ids.clip))).toBe(files.vtt);
    expect(resolve(mediaUrl(ids.job, 'thumbnail', ids.clip))).toBe(files.thumbnail);
    expect(resolve(mediaUrl(ids.otherJob, 'clip', ids.otherClip))).toBe(files.otherVideo);
  });

  it('finds nothing for an unknown job, a clip of another job, or a file not written yet', () => {
    expect(resolve(mediaUrl(999, 'source'))).toBeNull();
    expect(resolve(mediaUrl(999, 'clip', ids.clip))).toBeNull();
    expect(resolve(mediaUrl(ids.job, 'clip', ids.otherClip))).toBeNull();
    expect(resolve(mediaUrl(ids.otherJob, 'clip', ids.clip))).toBeNull();
    expect(resolve(mediaUrl(ids.otherJob, 'thumbnail', ids.clip))).toBeNull();
    expect(resolve(mediaUrl(ids.job, 'clip', ids.draftClip))).toBeNull();
    expect(resolve(mediaUrl(ids.otherJob, 'srt', ids.otherClip))).toBeNull();
    expect(resolve(mediaUrl(ids.otherJob, 'waveform'))).toBeNull();
  });

  it('answers 404 for an unknown job and for a clip of another job', async () => {
    for (const url of [mediaUrl(999, 'source'), mediaUrl(ids.otherJob, 'clip', ids.clip)]) {
      const answer = await answerMediaRequest(resolve, { method: 'GET', url, range: null });
      expect(answer).toMatchObject({ status: 404, body: null });
    }
  });

  const job1 = 'lectern-media://job/1';
  it.each([
    `${job1}/../../etc/passwd`,
    `${job1}/source/../../../etc/passwd`,
    `${job1}/%2e%2e%2f%2e%2e%2fetc%2fpasswd`,
    `${job1}/%2e%2e/%2e%2e/etc/passwd`,
    `${job1}/..%2f..%2fetc%2fpasswd`,
    `${job1}/source%2f..%2f..%2fetc%2fpasswd`,
    `${job1}/%252e%252e%252fetc%252fpasswd`,
    `${job1}/clip/1%2f..`,
    `${job1}/%73ource`,
    `${job1}\\..\\..\\etc\\passwd`,
    `${job1}/source\\..\\..\\etc\\passwd`,
    'lectern-media://job\\1\\source',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'file:///etc/passwd',
    'lectern-media:///etc/passwd',
    'lectern-media://job//etc/passwd',
    'lectern-media://job/%2Fetc%2Fpasswd/source',
    `${job1}/source?path=/etc/passwd`,
    `${job1}/source?v=`,
    `${job1}/source?v=../../etc/passwd`,
    `${job1}/source?v=%2e%2e%2fetc`,
    `${job1}/source?v=abc&path=/etc/passwd`,
    `${job1}/source?v=abc#x`,
    `${job1}/source?v=abc/`,
    `${job1}/source?v=${'a'.repeat(65)}`,
    `${job1}/source?V=abc`,
    `${job1}/source?v=abc?v=def`,
    `${job1}/../../etc/passwd?v=abc`,
    `${job1}/source?`,
    `${job1}/source#/etc/passwd`,
    `${job1}/source/`,
    `${job1}/source/1`,
    `${job1}/waveform/1`,
    `${job1}/clip`,
    `${job1}/clip/1/extra`,
    `${job1}/clip/../1`,
    `${job1}/SOURCE`,
    `${job1}/passwd`,
    `${job1}/source\n`,
    `${job1}/source\0`,
    ` ${job1}/source`,
    'lectern-media://job/01/source',
    'lectern-media://job/0/source',
    'lectern-media://job/-1/source',
    'lectern-media://job/1.0/source',
    'lectern-media://job/1e3/source',
    'lectern-media://job/0x1/source',
    'lectern-media://job/9999999999999999/source',
    `${job1}/clip/01`,
    'lectern-media://JOB/1/source',
    'lectern-media://evil/1/source',
    'lectern-media://job.evil/1/source',
    'lectern-media://user@job/1/source',
    'lectern-media://job:80/1/source',
    'LECTERN-MEDIA://job/1/source',
    'lectern-media:job/1/source',
    '',
  ])('refuses %j', async (url) => {
    expect(parseMediaUrl(url)).toBeNull();
    expect(resolve(url)).toBeNull();
    const answer = await answerMediaRequest(resolve, { method: 'GET', url, range: null });
    expect(answer).toMatchObject({ status: 404, body: null });
  });

  it('sanity: job 1 is the example recording, so the refusals above are not just unknown jobs', () => {
    expect(ids.job).toBe(1);
    expect(resolve(`${job1}/source`)).toBe(recording);
    expect(resolve(`${job1}/source?v=abc123`)).toBe(recording);
  });
});

describe('serveFile', () => {
  it('sends the whole file with its size and type', async () => {
    const answer = await serveFile(recording, null);
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({
      'Content-Type': 'video/mp4',
      'Accept-Ranges': 'bytes',
      'Content-Length': String(size),
    });
    expect(answer.headers['Content-Range']).toBeUndefined();
    expect((await bytesOf(answer.body)).equals(recordingBytes)).toBe(true);
  });

  it('sends exactly bytes 0-99', async () => {
    const answer = await serveFile(recording, 'bytes=0-99');
    expect(answer.status).toBe(206);
    expect(answer.headers).toMatchObject({ 'Content-Length': '100', 'Content-Range': `bytes 0-99/${size}` });
    const body = await bytesOf(answer.body);
    expect(body).toHaveLength(100);
    expect(body.equals(recordingBytes.subarray(0, 100))).toBe(true);
  });

  it('sends a range from the middle', async () => {
    const answer = await serveFile(recording, 'bytes=1000000-1065535');
    expect(answer.headers['Content-Range']).toBe(`bytes 1000000-1065535/${size}`);
    expect((await bytesOf(answer.body)).equals(recordingBytes.subarray(1_000_000, 1_065_536))).toBe(true);
  });

  it('sends the last n bytes for a suffix range', async () => {
    const answer = await serveFile(recording, 'bytes=-500');
    expect(answer.status).toBe(206);
    expect(answer.headers).toMatchObject({
      'Content-Length': '500',
      'Content-Range': `bytes ${size - 500}-${size - 1}/${size}`,
    });
    expect((await bytesOf(answer.body)).equals(recordingBytes.subarray(size - 500))).toBe(true);
  });

  it('sends the rest of the file for an open-ended range, as <video> asks when it seeks', async () => {
    const from = size - 12_345;
    const answer = await serveFile(recording, `bytes=${from}-`);
    expect(answer.status).toBe(206);
    expect(answer.headers).toMatchObject({
      'Content-Length': '12345',
      'Content-Range': `bytes ${from}-${size - 1}/${size}`,
    });
    expect((await bytesOf(answer.body)).equals(recordingBytes.subarray(from))).toBe(true);
  });

  it('stops at the end of the file when a range asks for more', async () => {
    const answer = await serveFile(recording, `bytes=${size - 10}-${size + 1000}`);
    expect(answer.headers['Content-Range']).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect(await bytesOf(answer.body)).toHaveLength(10);
    const whole = await serveFile(recording, 'bytes=-99999999');
    expect(whole.headers['Content-Range']).toBe(`bytes 0-${size - 1}/${size}`);
    whole.body?.destroy();
  });

  it.each([`bytes=${size}-`, `bytes=${size}-${size + 10}`, 'bytes=99999999999999999999-', 'bytes=-0'])(
    'answers 416 with the real size for %s',
    async (range) => {
      const answer = await serveFile(recording, range);
      expect(answer).toMatchObject({
        status: 416,
        body: null,
        headers: { 'Content-Range': `bytes */${size}`, 'Content-Length': '0' },
      });
    },
  );

  // RFC 9110 §14.2: a server may ignore Range; multi-range and malformed headers get the whole file, not a 416.
  it.each(['bytes=0-1,5-6', 'bytes=0-99, 200-299', 'items=0-99', 'bytes=99-0', 'bytes=abc', 'bytes=-', 'bytes 0-99'])(
    'ignores the Range header %j and sends the whole file',
    async (range) => {
      const answer = await serveFile(recording, range);
      expect(answer.status).toBe(200);
      expect(answer.headers['Content-Length']).toBe(String(size));
      answer.body?.destroy();
    },
  );

  it.each([
    ['vtt', 'text/vtt; charset=utf-8'],
    ['srt', 'application/x-subrip; charset=utf-8'],
    ['thumbnail', 'image/jpeg'],
    ['waveform', 'application/octet-stream'],
  ] as const)('types a %s file as %s', async (kind, type) => {
    const answer = await serveFile(files[kind], null);
    expect(answer.headers['Content-Type']).toBe(type);
    expect((await bytesOf(answer.body)).equals(readFileSync(files[kind]))).toBe(true);
  });

  it('sends an empty file, and cannot satisfy any range of it', async () => {
    const whole = await serveFile(files.empty, null);
    expect(whole).toMatchObject({ status: 200, headers: { 'Content-Length': '0' } });
    expect(await bytesOf(whole.body)).toHaveLength(0);
    await expect(serveFile(files.empty, 'bytes=0-')).resolves.toMatchObject({ status: 416 });
    await expect(serveFile(files.empty, 'bytes=-5')).resolves.toMatchObject({ status: 416 });
  });

  it('answers 404 for a file that is gone or is a folder', async () => {
    await expect(serveFile(path.join(dir, 'deleted.mp4'), null)).resolves.toMatchObject({ status: 404, body: null });
    await expect(serveFile(dir, null)).resolves.toMatchObject({ status: 404, body: null });
  });

  it('closes the file when the player abandons a response halfway', async () => {
    const answer = await serveFile(recording, 'bytes=0-');
    const body = answer.body!;
    const closed = once(body, 'close');
    await once(body, 'readable');
    body.destroy();
    await closed;
    expect(body.destroyed).toBe(true);
  });
});

describe('answerMediaRequest', () => {
  it('serves a clip by URL with the range the player asked for', async () => {
    const answer = await answerMediaRequest(resolve, {
      method: 'GET',
      url: mediaUrl(ids.job, 'clip', ids.clip),
      range: 'bytes=0-99',
    });
    expect(answer.status).toBe(206);
    expect(answer.headers['Content-Range']).toBe(`bytes 0-99/${statSync(files.video).size}`);
    expect((await bytesOf(answer.body)).equals(readFileSync(files.video).subarray(0, 100))).toBe(true);
  });

  it('answers HEAD with the headers alone', async () => {
    const answer = await answerMediaRequest(resolve, { method: 'HEAD', url: mediaUrl(ids.job, 'source'), range: null });
    expect(answer).toMatchObject({ status: 200, body: null, headers: { 'Content-Length': String(size) } });
  });

  it('refuses methods other than GET and HEAD before looking anything up', async () => {
    const lookups: string[] = [];
    const spy: MediaResolver = (url) => {
      lookups.push(url);
      return resolve(url);
    };
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const answer = await answerMediaRequest(spy, { method, url: mediaUrl(ids.job, 'source'), range: null });
      expect(answer).toMatchObject({ status: 405, body: null, headers: { Allow: 'GET, HEAD' } });
    }
    expect(lookups).toEqual([]);
  });
});

describe('respondToMediaRequest, as protocol.handle calls it', () => {
  it('answers a ranged fetch Request with a 206 Response carrying exactly those bytes', async () => {
    const request = new Request(mediaUrl(ids.job, 'source'), { headers: { Range: 'bytes=0-99' } });
    const response = await respondToMediaRequest(resolve, request);
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 0-99/${size}`);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await response.arrayBuffer()).equals(recordingBytes.subarray(0, 100))).toBe(true);
  });

  it('streams a whole clip file', async () => {
    const response = await respondToMediaRequest(resolve, new Request(mediaUrl(ids.job, 'clip', ids.clip)));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(files.video))).toBe(true);
  });

  // What reaches the handler after the URL parser has had its way with the page's URL.
  it.each([
    'lectern-media://job/1/../../etc/passwd',
    'lectern-media://job/1/%2e%2e/%2e%2e/etc/passwd',
    'lectern-media://job/1/source?path=/etc/passwd',
    'lectern-media://job/1/source/..%2f..%2fetc%2fpasswd',
  ])('answers 404 to %s', async (url) => {
    const response = await respondToMediaRequest(resolve, new Request(url));
    expect(response.status).toBe(404);
    expect(await response.arrayBuffer()).toHaveProperty('byteLength', 0);
  });
});

describe('parseRange', () => {
  it.each([
    ['bytes=0-0', 10, { start: 0, end: 0 }],
    ['bytes=9-', 10, { start: 9, end: 9 }],
    ['bytes=-10', 10, { start: 0, end: 9 }],
    ['bytes=-1', 10, { start: 9, end: 9 }],
    [' bytes=2-4 ', 10, { start: 2, end: 4 }],
    ['bytes=10-', 10, 'unsatisfiable'],
    ['bytes=0-', 0, 'unsatisfiable'],
    ['bytes=0-1,3-4', 10, null],
    [null, 10, null],
    ['', 10, null],
  ] as const)('%j of %i bytes → %j', (header, fileSize, expected) => {
    expect(parseRange(header, fileSize)).toEqual(expected);
  });
});
