import { LecternError } from '../../../shared/errors.ts';
import { isProcessAlive } from '../../pipeline/engine/queue.ts';
import { withServices } from '../context.ts';
import { exitCodeFor, exitCodes, type ExitCode } from '../exitCodes.ts';
import { createProgressReporter, describeJob, outputModeFor } from '../report.ts';

/** `lectern resume <job>`: continue from the first unfinished stage; finished stages are not redone. */
export async function resumeCommand(options: { jobId: number; json: boolean }): Promise<ExitCode> {
  return withServices({}, async (services) => {
    const job = services.jobs.get(options.jobId);
    if (job.status === 'running') {
      const owner = services.db.$client.prepare('select owner_pid from jobs where id = ?').pluck().get(job.id);
      if (typeof owner === 'number' && isProcessAlive(owner)) {
        throw new LecternError('job-busy', `Job ${job.id} is being processed right now by process ${owner}.`);
      }
    }
    if (job.status === 'done') {
      if (options.json) process.stdout.write(`${JSON.stringify({ jobs: [job] }, null, 2)}\n`);
      else process.stderr.write(`${describeJob(job)} (already finished; nothing to resume)\n`);
      return exitCodes.ok;
    }
    const mode = outputModeFor(options.json, process.stderr);
    const reporter = createProgressReporter(mode, process.stderr, () => job.sourceName);
    const unsubscribe = services.jobs.onProgress((p) => reporter.progress(p));
    services.queue.enqueue(job.id);
    await services.queue.whenIdle();
    unsubscribe();
    reporter.clear();
    const finished = services.jobs.get(job.id);
    if (options.json) process.stdout.write(`${JSON.stringify({ jobs: [finished] }, null, 2)}\n`);
    else process.stderr.write(`${describeJob(finished)}\n`);
    return exitCodeFor([], [finished]);
  });
}
