import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach } from 'vitest';
import type { MediaInfo } from '../../shared/domain/media.ts';
import { jobSettingsSchema } from '../../shared/domain/settings.ts';
import type { Contract } from '../../shared/ipc/contract.ts';
import { createJob, jobSummary, updateJob } from '../db/jobsRepo.ts';
import { closeDatabase, openDatabase, type LecternDb } from '../db/open.ts';
import { clips } from '../db/schema/index.ts';
import { createClipActions } from '../services/clipActions.ts';
import { registerClipHandlers } from './clipHandlers.ts';
import { answerRequest, type IpcHandler, type SenderFacts, type TrustedRenderer } from './ipcCore.ts';

export const trusted: TrustedRenderer = { webContentsId: 1, appUrl: 'file:///app/out/renderer/index.html' };
export const ourPage: SenderFacts = { webContentsId: 1, frameUrl: trusted.appUrl, isMainFrame: true };

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

/** What each clip-handler test starts from: a finished job with two clips, its handlers, and what they asked for. */
export interface ClipHandlerFixture {
  db: LecternDb;
  /** Jobs the handlers queued (the real queue would start FFmpeg). */
  enqueued: number[];
  routes: Map<string, Route>;
  jobId: number;
  /** Folders the handlers asked the desktop to show. */
  opened: string[];
  outputDir: string;
  /** "Why heat flows", 10–40 s. */
  firstClip: number;
  /** "Entropy in one picture", 60–90 s. */
  secondClip: number;
  call(channel: string, raw?: unknown, sender?: SenderFacts): Promise<unknown>;
  clipRow(id: number): typeof clips.$inferSelect;
}

/**
 * Registers the clip handlers over a fresh in-memory database before each test (and closes it after), and hands the
 * test's variables to `receive`, so the tests read as if the setup were their own.
 */
export function useClipHandlerFixture(receive: (fixture: ClipHandlerFixture) => void): void {
  let fixture: ClipHandlerFixture | undefined;

  beforeEach(() => {
    const db = openDatabase(':memory:');
    const enqueued: number[] = [];
    // Does what enqueue promises the database and remembers the call.
    const queue = {
      enqueue(id: number) {
        updateJob(db, id, { status: 'queued', error: null, finishedAt: null });
        enqueued.push(id);
      },
    };
    const actions = createClipActions({ db, queue, jobs: { get: (id) => jobSummary(db, id) } });
    const routes = new Map<string, Route>();
    const opened: string[] = [];
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

    const outputDir = mkdtempSync(path.join(os.tmpdir(), 'lectern-clips-'));
    const settings = jobSettingsSchema.parse({ outputDir });
    const jobId = updateJob(db, createJob(db, '/lectures/week1.mp4', settings, media).id, { status: 'done' }).id;
    const inserted = db
      .insert(clips)
      .values([
        { jobId, start: 60, end: 90, title: 'Entropy in one picture', score: 0.7 },
        { jobId, start: 10, end: 40, title: 'Why heat flows', score: 0.9 },
      ])
      .returning({ id: clips.id })
      .all();
    const [secondClip, firstClip] = inserted.map((row) => row.id) as [number, number];
    fixture = {
      db,
      enqueued,
      routes,
      jobId,
      opened,
      outputDir,
      firstClip,
      secondClip,
      call(channel, raw, sender) {
        const route = routes.get(channel);
        if (!route) throw new Error(`no handler for ${channel}`);
        return route(raw, sender);
      },
      clipRow: (id) => db.select().from(clips).where(eq(clips.id, id)).get()!,
    };
    receive(fixture);
  });

  afterEach(() => {
    if (!fixture) return;
    closeDatabase(fixture.db);
    rmSync(fixture.outputDir, { recursive: true, force: true });
    fixture = undefined;
  });
}
