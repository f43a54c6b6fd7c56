import { withServices } from '../context.ts';
import { exitCodeFor, type ExitCode } from '../exitCodes.ts';
import { createProgressReporter, describeJob, outputModeFor } from '../report.ts';

/**
 * `lectern render <job>`: after edits, render again exactly the clips whose inputs changed, and rewrite the exports.
 * Earlier stages stay done; a job that never reached rendering continues from where it stopped.
 */
export async function renderCommand(options: { jobId: number; json: boolean }): Promise<ExitCode> {
  return withServices({}, async (services) => {
    const { sourceName } = services.jobs.get(options.jobId);
    // Read before the job is queued: rendering clears the flags as it goes.
    const before = new Map(services.clips.list(options.jobId).map((c) => [c.id, c.needsRender]));
    const reporter = createProgressReporter(
      outputModeFor(options.json, process.stderr),
      process.stderr,
      () => sourceName,
    );
    const unsubscribe = services.jobs.onProgress((p) => reporter.progress(p));
    try {
      services.clips.render(options.jobId);
      await services.queue.whenIdle();
    } finally {
      unsubscribe();
      reporter.clear();
    }
    const finished = services.jobs.get(options.jobId);
    const clips = services.clips.list(options.jobId);
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
