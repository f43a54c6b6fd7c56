import type { JobProgress, JobSummary } from '../../shared/domain/job.ts';
import { stageLabels } from '../../shared/domain/stages.ts';
import type { AppError } from '../../shared/errors.ts';

export type OutputMode = 'tty' | 'plain' | 'json';

export function outputModeFor(json: boolean, stream: NodeJS.WriteStream): OutputMode {
  if (json) return 'json';
  return stream.isTTY ? 'tty' : 'plain';
}

export function formatDuration(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** `████░░░░` of `width` cells. */
export function progressBar(fraction: number, width = 24): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export function describeProgress(name: string, p: JobProgress, withBar: boolean): string {
  const pct = `${Math.round(p.overall * 100)}%`.padStart(4);
  const eta = p.etaSec === null ? '' : `  ETA ${formatDuration(p.etaSec)}`;
  const bar = withBar ? `${progressBar(p.overall)} ` : '';
  return `job ${p.jobId} ${name}: ${bar}${pct} ${stageLabels[p.stage]}${eta}`;
}

/**
 * Progress for people: one line redrawn in place on a terminal, or plain lines (one per stage step of 10%) when
 * the output goes to a file or CI log. JSON mode prints nothing until the end.
 */
export function createProgressReporter(
  mode: OutputMode,
  stream: NodeJS.WriteStream,
  nameOf: (jobId: number) => string,
) {
  const lastPlain = new Map<number, string>();
  let drawn = false;
  return {
    progress(p: JobProgress) {
      const name = nameOf(p.jobId);
      if (mode === 'tty') {
        stream.write(`\r\x1b[2K${describeProgress(name, p, true)}`);
        drawn = true;
      } else if (mode === 'plain') {
        const key = `${p.stage}:${Math.floor(p.stageFraction * 10)}`;
        if (lastPlain.get(p.jobId) === key) return;
        lastPlain.set(p.jobId, key);
        stream.write(`${describeProgress(name, p, false)}\n`);
      }
    },
    /** Ends the in-place line before anything else is printed. */
    clear() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

export function describeJob(job: JobSummary): string {
  const where = job.status === 'done' ? ` → ${job.outputDir}` : '';
  const why = job.error ? `: ${job.error.message}` : '';
  const stage = job.stage && job.status !== 'done' ? ` (${stageLabels[job.stage]})` : '';
  return `job ${job.id} ${job.sourceName}: ${job.status}${stage}${why}${where}`;
}

export function describeRefusal(filePath: string, error: AppError): string {
  return `lectern: ${filePath}: ${error.message}`;
}
