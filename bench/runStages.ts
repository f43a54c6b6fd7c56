/**
 * One bench measurement, run in its own process so its peak memory is its own: the real probe, audio and pauses
 * stages on one recording, through the job engine, with a throwaway database and data folder.
 *
 *   npx tsx bench/runStages.ts <recording>   → prints one JSON line
 */
import { jobSettingsSchema } from '../shared/domain/settings.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createJob, stageRows } from '../electron/db/jobsRepo.ts';
import { closeDatabase, openDatabase } from '../electron/db/open.ts';
import { runJob } from '../electron/pipeline/engine/runJob.ts';
import { audioStage } from '../electron/pipeline/stages/audioStage.ts';
import { pausesStage } from '../electron/pipeline/stages/pausesStage.ts';
import { probeStage } from '../electron/pipeline/stages/probeStage.ts';
import { createWorkerPool } from '../electron/pipeline/workers/pool.ts';
import { defaultWorkerUrl } from '../electron/pipeline/workers/workerUrl.ts';
import { inputLimitsSchema } from '../shared/domain/settings.ts';

const recording = process.argv[2];
if (!recording) throw new Error('usage: runStages.ts <recording>');
const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-run-'));
const db = openDatabase(':memory:');
const pool = createWorkerPool({ workerUrl: defaultWorkerUrl() });
try {
  const job = createJob(db, recording, jobSettingsSchema.parse({ outputDir: dir }), null);
  const started = performance.now();
  const outcome = await runJob(
    job.id,
    {
      db,
      pool,
      logger: pino({ level: 'silent' }),
      stages: [probeStage, audioStage, pausesStage],
      limits: inputLimitsSchema.parse({ minFreeBytes: 0 }),
      dataDir: dir,
      jobsDir: path.join(dir, 'jobs'),
    },
    new AbortController().signal,
  );
  const wallMs = performance.now() - started;
  const stages = Object.fromEntries(stageRows(db, job.id).map((s) => [s.stage, s.durationMs]));
  const pauses = db.$client.prepare("select count(*) from silence_regions where kind = 'pause'").pluck().get();
  const detector = db.$client.prepare('select detector from silence_regions limit 1').pluck().get();
  // maxRSS covers the worker threads too: they live in this process.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ outcome, wallMs, stages, pauses, detector, peakRssMb }));
} finally {
  await pool.close();
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
}
