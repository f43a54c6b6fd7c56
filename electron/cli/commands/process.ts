import path from 'node:path';
import type { JobSummary } from '../../../shared/domain/job.ts';
import type { RenderSettings } from '../../../shared/domain/clip.ts';
import type { AnalysisEngineChoice, ClipLength, TranscriptionChoice } from '../../../shared/domain/settings.ts';
import { toAppError, type AppError } from '../../../shared/errors.ts';
import { checkCaptionsFile } from '../../pipeline/validate/captions.ts';
import { defaultDataDir } from '../../services/dataDir.ts';
import { withCliConsent } from '../../online/gemini/cliConsent.ts';
import { createSettingsStore, settingsFile } from '../../settings/settingsStore.ts';
import { withServices } from '../context.ts';
import { exitCodeFor, type ExitCode } from '../exitCodes.ts';
import { createProgressReporter, describeJob, describeRefusal, outputModeFor } from '../report.ts';

export interface ProcessOptions {
  media: string[];
  out: string | undefined;
  captions: string | undefined;
  clips: number | undefined;
  length: ClipLength | undefined;
  /** What the command line asked for; the rest of the render settings come from Settings. */
  render: Partial<RenderSettings>;
  /** --engine / --analysis; absent ones come from the settings file. */
  online: { transcription?: TranscriptionChoice; analysis?: AnalysisEngineChoice };
  json: boolean;
}

/** `lectern process`: queue every file, refuse the bad ones with their reason, run the rest, report. */
export async function processCommand(options: ProcessOptions): Promise<ExitCode> {
  const outRoot = path.resolve(options.out ?? 'lectern-output');
  // Asking for Gemini by name on the command line, with GEMINI_API_KEY set, is the lecturer's consent to send.
  const askedForGemini = options.online.transcription === 'gemini' || options.online.analysis === 'gemini';
  const settings = createSettingsStore(settingsFile(defaultDataDir()));
  return withServices(
    { outputRoot: outRoot, settings: askedForGemini ? withCliConsent(settings) : settings },
    async (services) => {
      const mode = outputModeFor(options.json, process.stderr);
      const refused: { path: string; error: AppError }[] = [];
      const queued: JobSummary[] = [];
      const reporter = createProgressReporter(mode, process.stderr, (id) => services.jobs.get(id).sourceName);
      const unsubscribe = services.jobs.onProgress((p) => reporter.progress(p));

      const captionsPath = options.captions ? path.resolve(options.captions) : null;
      const { render, subtitleStyle } = services.settings.get().clips;
      try {
        if (captionsPath) checkCaptionsFile(captionsPath);
        for (const file of options.media) {
          try {
            // One lecture: the folder given is its folder. Several: one folder per lecture inside it.
            const outputDir = options.media.length === 1 ? outRoot : undefined;
            const job = await services.jobs.addOne(file, {
              captionsPath,
              ...(options.clips !== undefined ? { clipCount: options.clips } : {}),
              ...(options.length ? { clipLength: options.length } : {}),
              render: { ...render, subtitleStyle, ...options.render },
              ...options.online,
              ...(outputDir ? { outputDir } : {}),
            });
            queued.push(job);
          } catch (error) {
            refused.push({ path: file, error: toAppError(error) });
            reporter.clear();
            process.stderr.write(`${describeRefusal(file, toAppError(error))}\n`);
          }
        }
      } catch (error) {
        refused.push({ path: options.captions ?? '', error: toAppError(error) });
        process.stderr.write(`${describeRefusal(options.captions ?? '', toAppError(error))}\n`);
      }

      await services.queue.whenIdle();
      unsubscribe();
      reporter.clear();
      const finished = queued.map((job) => services.jobs.get(job.id));
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({ jobs: finished, refused: refused.map((r) => ({ path: r.path, ...r.error })) }, null, 2)}\n`,
        );
      } else {
        for (const job of finished) process.stderr.write(`${describeJob(job)}\n`);
      }
      return exitCodeFor(
        refused.map((r) => r.error),
        finished,
      );
    },
  );
}
