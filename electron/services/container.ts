import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { inputLimitsSchema, jobSettingsSchema, type InputLimits } from '../../shared/domain/settings.ts';
import { limitsFromEnv } from './limits.ts';
import { jobSummary, type JobRow } from '../db/jobsRepo.ts';
import { closeDatabase, databaseFile, openDatabase, type LecternDb } from '../db/open.ts';
import { createLogger } from '../logging/logger.ts';
import { createJobQueue, recoverInterruptedJobs, type JobQueue } from '../pipeline/engine/queue.ts';
import { abortAllFfmpeg } from '../pipeline/ffmpeg/registry.ts';
import { closeChildJournal, openChildJournal, reapOrphanedChildren } from '../pipeline/ffmpeg/childJournal.ts';
import { checkFfmpeg, resolveFfmpegPaths } from '../pipeline/ffmpeg/binaries.ts';
import { createGeminiGate, type GeminiAccessOptions } from '../online/gemini/access.ts';
import { createPipelineStages } from '../pipeline/stages/index.ts';
import { createWorkerPool, type WorkerPool } from '../pipeline/workers/pool.ts';
import { defaultWorkerUrl } from '../pipeline/workers/workerUrl.ts';
import { createSettingsStore, settingsFile, type SettingsStore } from '../settings/settingsStore.ts';
import { createEnvironmentSecretStore, type SecretStore } from '../settings/secretStore.ts';
import { createPublisher } from '../publish/publisher.ts';
import { createClipActions } from './clipActions.ts';
import { createJobEvents, createJobService } from './jobService.ts';
import { createSignInGate, createUserService, publishingUserName } from './userService.ts';
import { createModelService, type ModelServiceOptions } from './modelService.ts';

export interface ServicesOptions {
  dataDir: string;
  /** Where each lecture's output folder is created unless a job says otherwise. */
  outputRoot?: string;
  /** ':memory:' for tests; defaults to `<dataDir>/lectern.db`. */
  databaseFile?: string;
  limits?: Partial<InputLimits>;
  concurrency?: number;
  /** The app resumes interrupted and queued jobs at start; the CLI runs only what it was asked to. */
  resumeQueued?: boolean;
  logger?: Logger;
  /** Defaults to `<dataDir>/settings.json`. */
  settings?: SettingsStore;
  /** The desktop app passes the keychain-backed store; the CLI and tests read the environment. */
  secrets?: SecretStore;
  /** Tests point Gemini at a mock server on 127.0.0.1 (else GOOGLE_GEMINI_BASE_URL, else Google). */
  gemini?: Omit<GeminiAccessOptions, 'settings' | 'secrets'>;
  /** Throws LecternError('sign-in-required') when publishing is not allowed now; default: the institution's rule. */
  signInGate?: () => void;
  /** Speech-model downloads: tests use a catalogue served from 127.0.0.1 and skip loading fake models. */
  models?: Omit<ModelServiceOptions, 'dataDir'>;
}

/**
 * Builds Lectern's services once per process (the Electron main process, a CLI run, a test) and knows how to
 * take them down: cancel running work so it resumes later, stop FFmpeg and workers, close the database.
 */
export async function createServices(options: ServicesOptions) {
  const dataDir = path.resolve(options.dataDir);
  const logger = options.logger ?? createLogger({ dataDir });
  const ffmpeg = resolveFfmpegPaths();
  await checkFfmpeg(ffmpeg);
  const db: LecternDb = openDatabase(options.databaseFile ?? databaseFile(dataDir));
  const settings = options.settings ?? createSettingsStore(settingsFile(dataDir));
  const secrets = options.secrets ?? createEnvironmentSecretStore();
  const limits = inputLimitsSchema.parse({ ...limitsFromEnv(), ...options.limits });
  const pool: WorkerPool = createWorkerPool({ workerUrl: defaultWorkerUrl() });
  const events = createJobEvents();
  const publish = (job: JobRow) => events.emitUpdated(jobSummary(db, job.id));
  const queue: JobQueue = createJobQueue({
    db,
    pool,
    logger,
    stages: createPipelineStages({ gemini: createGeminiGate({ settings, secrets, ...options.gemini }) }),
    limits,
    dataDir,
    jobsDir: path.join(dataDir, 'jobs'),
    concurrency: options.concurrency ?? 1,
    onProgress: events.emitProgress,
    onJobUpdated: publish,
  });
  // A test's or the CLI's explicit output root wins over the lecturer's chosen folder.
  const outputRoot = () => options.outputRoot ?? settings.get().clips.outputFolder ?? path.join(dataDir, 'output');
  const jobs = createJobService({
    db,
    queue,
    limits,
    dataDir,
    events,
    defaults: () => {
      const { clips, gemini } = settings.get();
      const { clipCount, clipLength, render, subtitleStyle } = clips;
      const root = outputRoot();
      const online = { transcription: gemini.transcription, analysis: gemini.analysis };
      const jobSettings = jobSettingsSchema.parse({
        outputDir: root,
        clipCount,
        clipLength,
        render: { ...render, subtitleStyle },
        ...online,
      });
      return { ...jobSettings, outputRoot: root };
    },
  });

  // Before interrupted jobs are queued again: their old FFmpeg must not keep writing into the temp folders.
  const childJournal = path.join(dataDir, 'running-ffmpeg');
  const orphans = reapOrphanedChildren(childJournal);
  openChildJournal(childJournal);
  const users = createUserService(db);
  const publisher = createPublisher({
    db,
    logger,
    s3Settings: () => settings.get().s3,
    secrets,
    // An institution that requires sign-in before publishing gets it everywhere, the CLI included.
    signInGate: options.signInGate ?? createSignInGate({ settings, users }),
    userName: () => publishingUserName(users, () => os.userInfo().username),
  });
  const models = createModelService({ dataDir, ...options.models });

  const recovered = recoverInterruptedJobs(db);
  if (options.resumeQueued) {
    for (const job of jobs.list()) if (job.status === 'queued') queue.enqueue(job.id);
  }
  logger.info(
    { dataDir, ffmpeg: ffmpeg.source.ffmpeg, recovered: recovered.map((j) => j.id), orphans },
    'services started',
  );

  let stopped = false;
  async function shutdown(): Promise<void> {
    if (stopped) return;
    stopped = true;
    await publisher.shutdown();
    models.stopAll();
    await queue.shutdown();
    await abortAllFfmpeg();
    closeChildJournal();
    await pool.close();
    closeDatabase(db);
    logger.info('services stopped');
    logger.flush?.();
  }

  return {
    db,
    logger,
    pool,
    queue,
    jobs,
    clips: createClipActions({ db, queue, jobs }),
    events,
    limits,
    settings,
    secrets,
    users,
    publisher,
    models,
    shutdown,
    info: { dataDir, ffmpegSource: ffmpeg.source.ffmpeg },
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
