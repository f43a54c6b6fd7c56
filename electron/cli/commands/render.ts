import { LecternError } from '../../../shared/errors.ts';
import { clearStages } from '../../db/jobsRepo.ts';
import { listClips } from '../../services/clipService.ts';
import { withServices } from '../context.ts';
import { exitCodeFor, type ExitCode } from '../exitCodes.ts';
import { createProgressReporter, describeJob, outputModeFor } from '../report.ts';

/**
 * `lectern render <job>`: after edits, render again exactly the clips whose inputs changed, and rewrite the exports.
 * Earlier stages stay done; a job that never reached rendering continues from where it stopped.
 */
export async function renderCommand(options: { jobId: number; json: boolean }): Promise<ExitCode> {
  return withServices({}, async (services) => {
    const job = services.jobs.get(options.jobId);
    if (job.status === 'running' || job.status === 'queued') {
      throw new LecternError('job-busy', `Job ${job.id} is ${job.status}; wait for it to finish, then render.`);
    }
    clearStages(services.db, job.id, ['render']);
    const before = new Map(listClips(services.db, job.id).map((c) => [c.id, c.needsRender]));
    const reporter = createProgressReporter(
      outputModeFor(options.json, process.stderr),
      process.stderr,
      () => job.sourceName,
    );
    const unsubscribe = services.jobs.onProgress((p) => reporter.progress(p));
    services.queue.enqueue(job.id);
    await services.queue.whenIdle();
    unsubscribe();
    reporter.clear();
    const finished = services.jobs.get(job.id);
    const clips = listClips(services.db, job.id);
    const rendered = clips.filter((c) => before.get(c.id) !== false).map((c) => c.id);
    if (options.json) process.stdout.write(`${JSON.stringify({ jobs: [finished], rendered, clips }, null, 2)}\n`);
    else {
      process.stderr.write(`${describeJob(finished)}\n`);
      process.stderr.write(
        rendered.length === 0
          ? 'Nothing had changed; no clip was rendered again.\n'
          : `Rendered clip(s) ${rendered.join(', ')}.\n`,
      );
    }
    return exitCodeFor([], [finished]);
  });
}
