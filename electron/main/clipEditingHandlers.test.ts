import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { updateJob } from '../db/jobsRepo.ts';
import type { LecternDb } from '../db/open.ts';
import { clips, contentSegments, silenceRegions, transcripts } from '../db/schema/index.ts';
import { useClipHandlerFixture, type ClipHandlerFixture } from './clipHandlersFixture.ts';

describe('clip handlers that add, delete and show highlights', () => {
  let db: LecternDb;
  let enqueued: number[];
  let jobId: number;
  let opened: string[];
  let outputDir: string;
  let firstClip: number;
  let secondClip: number;
  let call: ClipHandlerFixture['call'];
  useClipHandlerFixture((f) => ({ db, enqueued, jobId, opened, outputDir, firstClip, secondClip, call } = f));

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
