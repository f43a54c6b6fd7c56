import { withServices } from '../context.ts';
import { exitCodes, type ExitCode } from '../exitCodes.ts';
import { describeJob } from '../report.ts';

/** `lectern jobs`: the queue, newest last. */
export async function jobsCommand(options: { json: boolean }): Promise<ExitCode> {
  return withServices({}, async (services) => {
    const jobs = services.jobs.list();
    if (options.json) process.stdout.write(`${JSON.stringify({ jobs }, null, 2)}\n`);
    else if (jobs.length === 0) process.stdout.write('No jobs yet. Start one with: lectern process <lecture>\n');
    else for (const job of jobs) process.stdout.write(`${describeJob(job)}\n`);
    return exitCodes.ok;
  });
}
