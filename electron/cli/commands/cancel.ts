import { setTimeout as sleep } from 'node:timers/promises';
import { withServices } from '../context.ts';
import { exitCodes, type ExitCode } from '../exitCodes.ts';
import { describeJob } from '../report.ts';

/**
 * `lectern cancel <job>`. A job running in another process (the app, another CLI) is flagged in the database;
 * that process notices within a second and stops its FFmpeg. We wait briefly to report the outcome.
 */
export async function cancelCommand(options: { jobId: number; json: boolean; waitMs?: number }): Promise<ExitCode> {
  return withServices({}, async (services) => {
    let job = services.jobs.cancel(options.jobId);
    const deadline = Date.now() + (options.waitMs ?? 10_000);
    while (job.status === 'running' && Date.now() < deadline) {
      await sleep(200);
      job = services.jobs.get(options.jobId);
    }
    if (options.json) process.stdout.write(`${JSON.stringify({ jobs: [job] }, null, 2)}\n`);
    else process.stderr.write(`${describeJob(job)}\n`);
    return job.status === 'running' ? exitCodes.failed : exitCodes.ok;
  });
}
