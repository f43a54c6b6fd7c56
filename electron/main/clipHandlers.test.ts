import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MediaInfo } from '../../shared/domain/media.ts';
import { jobSettingsSchema } from '../../shared/domain/settings.ts';
import type { Contract } from '../../shared/ipc/contract.ts';
import { clipsContracts } from '../../shared/ipc/clips.contract.ts';
import { createJob, jobSummary, markStageFinished, markStageStarted, stageRows, updateJob } from '../db/jobsRepo.ts';
import { closeDatabase, openDatabase, type LecternDb } from '../db/open.ts';
import { clips, contentSegments, layoutAnalyses, silenceRegions, transcripts } from '../db/schema/index.ts';
import { currentClipHash } from '../pipeline/clips/clipInputs.ts';
import { createClipActions } from '../services/clipActions.ts';
import { registerClipHandlers } from './clipHandlers.ts';
import { answerRequest, type IpcHandler, type SenderFacts, type TrustedRenderer } from './ipcCore.ts';

const trusted: TrustedRenderer = { webContentsId: 1, appUrl: 'file:///app/out/renderer/index.html' };
const ourPage: SenderFacts = { webContentsId: 1, frameUrl: trusted.appUrl, isMainFrame: true };

const media: MediaInfo = {
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
  durationSec: 600,
  sizeBytes: 50_000_000,
  bitRate: 600_000,
  audio: { index: 1, codec: 'aac', sampleRate: 48_000, channels: 2, language: null },
  video: { index: 0, codec: 'h264', width: 1280, height: 720, frameRate: 30 },
  subtitles: [],
};

type Route = (raw: unknown, sender?: SenderFacts) => Promise<unknown>;

describe('registerClipHandlers over a real database', () => {
  let db: LecternDb;
  let enqueued: number[];
  let routes: Map<string, Route>;
  let jobId: number;
  let opened: string[];
  let outputDir: string;
  let firstClip: number;
  let secondClip: number;

  const call = (channel: string, raw?: unknown, sender?: SenderFacts) => {
    const route = routes.get(channel);
    if (!route) throw new Error(`no handler for ${channel}`);
    return route(raw, sender);
  };
  const clipRow = (id: number) => db.select().from(clips).where(eq(clips.id, id)).get()!;

  beforeEach(() => {
    db = openDatabase(':memory:');
    enqueued = [];
    // The real queue would start FFmpeg; this one does what enqueue promises the database and remembers the call.
    const queue = {
      enqueue(id: number) {
        updateJob(db, id, { status: 'queued', error: null, finishedAt: null });
        enqueued.push(id);
      },
    };
    const actions = createClipActions({ db, queue, jobs: { get: (id) => jobSummary(db, id) } });
    routes = new Map();
    opened = [];
    const desktop = {
      openFolder: async (folder: string) => {
        opened.push(folder);
        return '';
      },
    };
    registerClipHandlers(
      <C extends Contract>(contract: C, handler: IpcHandler<C>) => {
        routes.set(contract.channel, (raw, sender = ourPage) => answerRequest(contract, handler, raw, sender, trusted));
      },
      actions,
      desktop,
    );

    outputDir = mkdtempSync(path.join(os.tmpdir(), 'lectern-clips-'));
    const settings = jobSettingsSchema.parse({ outputDir });
    jobId = updateJob(db, createJob(db, '/lectures/week1.mp4', settings, media).id, { status: 'done' }).id;
    const inserted = db
      .insert(clips)
      .values([
        { jobId, start: 60, end: 90, title: 'Entropy in one picture', score: 0.7 },
        { jobId, start: 10, end: 40, title: 'Why heat flows', score: 0.9 },
      ])
      .returning({ id: clips.id })
      .all();
    [secondClip, firstClip] = inserted.map((row) => row.id) as [number, number];
  });

  afterEach(() => {
    closeDatabase(db);
    rmSync(outputDir, { recursive: true, force: true });
  });

  it('answers every clips contract and nothing else', () => {
    expect([...routes.keys()].sort()).toEqual(
      Object.values(clipsContracts)
        .map((c) => c.channel)
        .sort(),
    );
  });

  it('lists a job’s clips in time order, edits one, and lists the change', async () => {
    // Mark the first clip as rendered with its current inputs, so the edit visibly makes it need rendering again.
    db.update(clips)
      .set({ state: 'rendered', renderedHash: currentClipHash(db, clipRow(firstClip)) })
      .where(eq(clips.id, firstClip))
      .run();

    const before = await call('clips:list', { jobId });
    expect(before).toMatchObject({
      ok: true,
      value: [
        { id: firstClip, jobId, start: 10, end: 40, title: 'Why heat flows', state: 'rendered', needsRender: false },
        { id: secondClip, jobId, start: 60, end: 90, title: 'Entropy in one picture', needsRender: true },
      ],
    });

    const edited = await call('clips:edit', { clipId: firstClip, edit: { start: 12.5, end: 38, title: 'Heat flows' } });
    expect(edited).toMatchObject({
      ok: true,
      value: { id: firstClip, start: 12.5, end: 38, title: 'Heat flows', needsRender: true },
    });

    const after = await call('clips:list', { jobId });
    expect(after).toMatchObject({
      ok: true,
      value: [{ id: firstClip, start: 12.5, end: 38, title: 'Heat flows', needsRender: true }, { id: secondClip }],
    });
    expect(clipRow(firstClip)).toMatchObject({ start: 12.5, end: 38, title: 'Heat flows' });
  });

  it('refuses an edit that makes a clip shorter than a second, in words the editor can show', async () => {
    const result = await call('clips:edit', { clipId: firstClip, edit: { start: 39.5 } });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: `Clip ${firstClip} would be shorter than a second (39.50–40.00 s).`,
      },
    });
    expect(clipRow(firstClip)).toMatchObject({ start: 10, end: 40 });
  });

  it('refuses an edit past the end of the recording', async () => {
    await expect(call('clips:edit', { clipId: secondClip, edit: { end: 700 } })).resolves.toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: `Clip ${secondClip} cannot end at 700.00 s: the recording lasts 600.00 s.`,
      },
    });
  });

  it('says which clip or job does not exist', async () => {
    await expect(call('clips:edit', { clipId: 999, edit: { title: 'x' } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'job-not-found', message: expect.stringContaining('There is no clip 999') },
    });
    for (const channel of ['clips:list', 'clips:render', 'jobs:analysis']) {
      await expect(call(channel, { jobId: 42 })).resolves.toMatchObject({
        ok: false,
        error: { code: 'job-not-found', message: expect.stringContaining('There is no job 42') },
      });
    }
  });

  it.each([
    ['clips:list', undefined],
    ['clips:list', { jobId: '1' }],
    ['clips:list', { jobId: 0 }],
    ['clips:list', { jobId: 1.5 }],
    ['clips:list', { id: 1 }],
    ['clips:list', { jobId: 1, extra: true }],
    ['clips:edit', { clipId: 1 }],
    ['clips:edit', { clipId: -1, edit: {} }],
    ['clips:edit', { clipId: 1, edit: { start: -3 } }],
    ['clips:edit', { clipId: 1, edit: { end: 0 } }],
    ['clips:edit', { clipId: 1, edit: { start: '12' } }],
    ['clips:edit', { clipId: 1, edit: { title: '   ' } }],
    ['clips:edit', { clipId: 1, edit: { title: 'x'.repeat(121) } }],
    ['clips:edit', { clipId: 1, edit: { tittle: 'typo' } }],
    ['clips:edit', { clipId: 1, edit: { subtitleText: [{ start: 0, end: 1 }] } }],
    ['clips:edit', { clipId: 1, edit: { title: 'ok' }, jobId: 1 }],
    ['clips:render', 1],
    ['clips:render', { jobId: null }],
    ['jobs:analysis', { jobId: -1 }],
    ['jobs:analysis', []],
    ['clips:add', { jobId: 1, start: 10 }],
    ['clips:add', { jobId: 1, start: -1, end: 20 }],
    ['clips:add', { jobId: 1, start: 20, end: 10 }],
    ['clips:add', { jobId: 1, start: 10, end: 20, title: '' }],
    ['clips:add', { jobId: 1, start: 10, end: 20, path: '/etc' }],
    ['clips:add', { jobId: 1, start: 10, end: Number.POSITIVE_INFINITY }],
    ['clips:add', { jobId: 1, start: '10', end: 20 }],
    ['clips:delete', { clipId: 0 }],
    ['clips:delete', { clipId: '1' }],
    ['clips:delete', { jobId: 1 }],
    ['clips:delete', { clipId: 1, files: true }],
    ['clips:openFolder', { jobId: 1, path: '/etc' }],
    ['clips:openFolder', { path: '/etc' }],
    ['clips:openFolder', '/etc'],
  ])('refuses malformed %s input %j without touching the database', async (channel, raw) => {
    const rowsBefore = db.select().from(clips).all();
    await expect(call(channel, raw)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining(`malformed "${channel}"`) },
    });
    expect(db.select().from(clips).all()).toEqual(rowsBefore);
    expect(enqueued).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('refuses every clips request from a page that is not Lectern', async () => {
    const stranger: SenderFacts = { ...ourPage, frameUrl: 'https://example.com/' };
    for (const channel of routes.keys()) {
      await expect(call(channel, { jobId }, stranger)).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(enqueued).toEqual([]);
    expect(opened).toEqual([]);
    expect(db.select().from(clips).all()).toHaveLength(2);
  });

  it('queues a render: clears only the render stage and answers with the queued job', async () => {
    for (const stage of ['transcript', 'selection', 'render'] as const) {
      markStageStarted(db, jobId, stage, 1);
      markStageFinished(db, jobId, stage, 'done', 2, null);
    }
    const result = await call('clips:render', { jobId });
    expect(result).toMatchObject({ ok: true, value: { id: jobId, status: 'queued' } });
    expect(enqueued).toEqual([jobId]);
    expect(stageRows(db, jobId).map((s) => s.stage)).toEqual(expect.arrayContaining(['transcript', 'selection']));
    expect(stageRows(db, jobId)).toHaveLength(2);
  });

  it.each(['queued', 'running'] as const)('refuses to render a %s job and leaves its stages alone', async (status) => {
    updateJob(db, jobId, { status });
    markStageStarted(db, jobId, 'render', 1);
    markStageFinished(db, jobId, 'render', 'done', 2, null);
    await expect(call('clips:render', { jobId })).resolves.toEqual({
      ok: false,
      error: { code: 'job-busy', message: `Job ${jobId} is ${status}; wait for it to finish, then render.` },
    });
    expect(enqueued).toEqual([]);
    expect(stageRows(db, jobId).map((s) => s.stage)).toEqual(['render']);
  });

  it('gives an empty analysis for a job whose stages have not run yet', async () => {
    await expect(call('jobs:analysis', { jobId })).resolves.toEqual({
      ok: true,
      value: { sentences: [], segments: [], layout: null, waveform: null, pauses: [] },
    });
  });

  it('gives the transcript, topics in order, slide changes and the finished waveform', async () => {
    const sentences = [
      { start: 0, end: 4.2, text: 'Good morning.', words: null },
      { start: 4.5, end: 9, text: 'Today: entropy.', words: [{ start: 4.5, end: 5, text: 'Today:' }] },
    ];
    db.insert(transcripts).values({ jobId, source: 'captions', segments: sentences }).run();
    const topic = { topic: 'thermodynamics', importance: 0.8, reasons: ['slide change'] };
    const [later, earlier] = db
      .insert(contentSegments)
      .values([
        { jobId, position: 1, start: 300, end: 600, title: 'Entropy', ...topic },
        { jobId, position: 0, start: 0, end: 300, title: 'Heat', ...topic },
      ])
      .returning({ id: contentSegments.id })
      .all();
    db.insert(layoutAnalyses)
      .values({ jobId, sampleFps: 1, slideChanges: [{ time: 300, score: 0.6 }] })
      .run();
    markStageStarted(db, jobId, 'audio', 1);
    markStageFinished(db, jobId, 'audio', 'done', 2, {
      pcmPath: '/data/jobs/1/audio.f32',
      sampleRate: 16_000,
      durationSec: 600,
      waveformPath: '/data/jobs/1/waveform.f32',
      peaksPerSecond: 50,
    });

    db.insert(silenceRegions)
      .values([
        { jobId, kind: 'speech', start: 0, end: 4.2, detector: 'silero' },
        { jobId, kind: 'pause', start: 4.2, end: 4.5, detector: 'silero' },
      ])
      .run();
    await expect(call('jobs:analysis', { jobId })).resolves.toEqual({
      ok: true,
      value: {
        pauses: [{ start: 4.2, end: 4.5 }],
        sentences,
        segments: [
          { id: earlier!.id, start: 0, end: 300, title: 'Heat', ...topic },
          { id: later!.id, start: 300, end: 600, title: 'Entropy', ...topic },
        ],
        layout: { slideChanges: [{ time: 300, score: 0.6 }] },
        waveform: { path: '/data/jobs/1/waveform.f32', peaksPerSecond: 50 },
      },
    });
  });

  it('offers no waveform while the audio stage is still running', async () => {
    markStageStarted(db, jobId, 'audio', 1);
    await expect(call('jobs:analysis', { jobId })).resolves.toMatchObject({ ok: true, value: { waveform: null } });
  });

  describe('adding and deleting highlights', () => {
    const sentences = [
      { start: 0, end: 4.2, text: 'Good morning.', words: null },
      { start: 4.5, end: 9, text: 'Today: entropy.', words: null },
      { start: 9.4, end: 15, text: 'It only grows.', words: null },
    ];
    beforeEach(() => {
      db.insert(transcripts).values({ jobId, source: 'captions', segments: sentences }).run();
      db.insert(contentSegments)
        .values({ jobId, position: 0, start: 0, end: 300, title: 'Heat', topic: 'heat', importance: 0.8, reasons: [] })
        .run();
      db.insert(silenceRegions)
        .values(
          [
            [4.2, 4.5],
            [9, 9.4],
          ].map(([start, end]) => ({
            jobId,
            kind: 'pause' as const,
            start: start!,
            end: end!,
            detector: 'silero' as const,
          })),
        )
        .run();
    });

    it('adds a highlight cut at the sentence ends inside the pauses nearest what was asked, as a draft', async () => {
      const added = await call('clips:add', { jobId, start: 4, end: 9.6 });
      // The pause 4.2–4.5 s: start 0.15 s before speech resumes; the pause 9–9.4 s: end 0.15 s after speech stops.
      expect(added).toMatchObject({
        ok: true,
        value: { jobId, start: 4.35, end: 9.15, title: 'Heat', state: 'draft', needsRender: true, outputs: null },
      });
      const listed = await call('clips:list', { jobId });
      expect(listed).toMatchObject({ ok: true, value: [{ start: 4.35 }, { id: firstClip }, { id: secondClip }] });
    });

    it('adds exactly the range asked for when told not to snap, with the title given', async () => {
      const added = await call('clips:add', { jobId, start: 4, end: 9.6, title: 'Entropy', snap: false });
      expect(added).toMatchObject({ ok: true, value: { start: 4, end: 9.6, title: 'Entropy' } });
    });

    it.each([
      [{ start: 590, end: 700 }, 'lies outside the recording, which lasts 600.00 s'],
      [{ start: 600, end: 601 }, 'lies outside the recording'],
      [{ start: 20, end: 20.5 }, 'at least a second long'],
    ])('refuses to add %j', async (range, words) => {
      await expect(call('clips:add', { jobId, ...range })).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-input', message: expect.stringContaining(words) },
      });
      expect(db.select().from(clips).all()).toHaveLength(2);
    });

    it('refuses to add or delete while the job is running', async () => {
      updateJob(db, jobId, { status: 'running' });
      for (const [channel, input] of [
        ['clips:add', { jobId, start: 100, end: 130 }],
        ['clips:delete', { clipId: firstClip }],
      ] as const) {
        await expect(call(channel, input)).resolves.toMatchObject({ ok: false, error: { code: 'job-busy' } });
      }
      expect(db.select().from(clips).all()).toHaveLength(2);
    });

    it('deletes a rendered highlight with its files and queues the exports to be written again', async () => {
      const clipDir = path.join(outputDir, 'clips');
      mkdirSync(clipDir);
      const outputs = {
        video: path.join(clipDir, '01-why-heat-flows.mp4'),
        srt: path.join(clipDir, '01-why-heat-flows.srt'),
        vtt: path.join(clipDir, '01-why-heat-flows.vtt'),
        thumbnail: path.join(clipDir, '01-why-heat-flows.jpg'),
      };
      for (const file of Object.values(outputs)) writeFileSync(file, 'rendered');
      const keep = path.join(clipDir, '02-entropy-in-one-picture.mp4');
      writeFileSync(keep, 'rendered');
      db.update(clips).set({ state: 'rendered', outputs }).where(eq(clips.id, firstClip)).run();

      const result = await call('clips:delete', { clipId: firstClip });
      expect(result).toMatchObject({ ok: true, value: [{ id: secondClip }] });
      expect(Object.values(outputs).filter((file) => existsSync(file))).toEqual([]);
      expect(existsSync(keep)).toBe(true);
      expect(enqueued).toEqual([jobId]);
    });

    it('deletes a highlight never rendered without rendering anything', async () => {
      await expect(call('clips:delete', { clipId: secondClip })).resolves.toMatchObject({
        ok: true,
        value: [{ id: firstClip }],
      });
      expect(enqueued).toEqual([]);
      await expect(call('clips:delete', { clipId: secondClip })).resolves.toMatchObject({
        ok: false,
        error: { code: 'job-not-found' },
      });
    });
  });

  describe('clips:openFolder', () => {
    it("asks the desktop to show the job's export folder", async () => {
      await expect(call('clips:openFolder', { jobId })).resolves.toEqual({ ok: true, value: { path: outputDir } });
      expect(opened).toEqual([outputDir]);
    });

    it('says so when the folder has not been made yet, and opens nothing', async () => {
      rmSync(outputDir, { recursive: true });
      await expect(call('clips:openFolder', { jobId })).resolves.toMatchObject({
        ok: false,
        error: { code: 'file-missing', message: expect.stringContaining('made when the clips are first rendered') },
      });
      expect(opened).toEqual([]);
    });
  });
});
