import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clipsContracts } from '../../shared/ipc/clips.contract.ts';
import { markStageFinished, markStageStarted, stageRows, updateJob } from '../db/jobsRepo.ts';
import type { LecternDb } from '../db/open.ts';
import { clips, contentSegments, layoutAnalyses, silenceRegions, transcripts } from '../db/schema/index.ts';
import { currentClipHash } from '../pipeline/clips/clipInputs.ts';
import { ourPage, useClipHandlerFixture, type ClipHandlerFixture } from './clipHandlersFixture.ts';
import type { SenderFacts } from './ipcCore.ts';

describe('registerClipHandlers over a real database', () => {
  let db: LecternDb;
  let enqueued: number[];
  let routes: ClipHandlerFixture['routes'];
  let jobId: number;
  let opened: string[];
  let firstClip: number;
  let secondClip: number;
  let call: ClipHandlerFixture['call'];
  let clipRow: ClipHandlerFixture['clipRow'];
  useClipHandlerFixture((f) => ({ db, enqueued, routes, jobId, opened, firstClip, secondClip, call, clipRow } = f));

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
});
