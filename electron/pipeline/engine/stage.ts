import type { Logger } from 'pino';
import type { InputLimits } from '../../../shared/domain/settings.ts';
import type { StageName } from '../../../shared/domain/stages.ts';
import type { DbOrTx, JobRow, LogLevel } from '../../db/jobsRepo.ts';
import type { LecternDb } from '../../db/open.ts';
import type { WorkerPool } from '../workers/pool.ts';

/** Everything a stage may use. Stages never touch Electron: the CLI and tests run the very same code. */
export interface StageContext {
  job: JobRow;
  db: LecternDb;
  /** Lectern's data folder: installed speech models live here. */
  dataDir: string;
  /** Kept for the job's lifetime (decoded audio, waveform); survives a crash so resume can reuse it. */
  workDir: string;
  /** Scratch space for this stage run only, deleted in `finally`. */
  tempDir: string;
  signal: AbortSignal;
  pool: WorkerPool;
  limits: InputLimits;
  log: Logger;
  /** A line for the job's processing log, shown to the lecturer. */
  note(level: LogLevel, message: string): void;
  /** Fraction of this stage done, 0..1. */
  progress(fraction: number): void;
  /** The stored result of an earlier stage of this job. */
  resultOf(stage: StageName): Record<string, unknown> | null;
}

/**
 * One step of the pipeline. `run` does the work (FFmpeg, workers) without writing to the database;
 * `commit` writes its rows inside the transaction that also marks the stage done, replacing any rows a previous
 * attempt wrote, so running a stage twice leaves the same rows.
 */
export interface Stage<Result> {
  name: StageName;
  /** Rough share of the job's time, for overall progress and ETA. */
  weight: number;
  run(ctx: StageContext): Promise<Result>;
  /** Returns the small summary kept on the stage row (paths, counts). */
  commit(tx: DbOrTx, job: JobRow, result: Result): Record<string, unknown>;
}

/** Keeps each stage's Result type checked where it is declared, while the pipeline holds a plain list. */
export function defineStage<Result>(stage: Stage<Result>): Stage<unknown> {
  return stage as Stage<unknown>;
}
