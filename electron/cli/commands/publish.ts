import type { PublishProgress } from '../../../shared/domain/publish.ts';
import { s3SettingsWithEnvironment, requireS3Settings } from '../../publish/s3Settings.ts';
import { withServices } from '../context.ts';
import { exitCodes, type ExitCode } from '../exitCodes.ts';
import { outputModeFor, progressBar, type OutputMode } from '../report.ts';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One line redrawn on a terminal; on a pipe, a line per file finished. JSON mode is silent until the end. */
function createPublishReporter(mode: OutputMode, stream: NodeJS.WriteStream) {
  const announced = new Set<string>();
  let drawn = false;
  return {
    progress(p: PublishProgress) {
      if (mode === 'tty') {
        const fraction = p.totalBytes > 0 ? p.sentBytes / p.totalBytes : 0;
        const current = p.files.find((f) => f.state === 'uploading' || f.state === 'checking');
        stream.write(
          `\r\x1b[2Kpublishing: ${progressBar(fraction)} ${megabytes(p.sentBytes)} of ${megabytes(p.totalBytes)}` +
            (current ? `  ${current.key}` : ''),
        );
        drawn = true;
      } else if (mode === 'plain') {
        for (const file of p.files) {
          if ((file.state === 'uploaded' || file.state === 'unchanged') && !announced.has(file.key)) {
            announced.add(file.key);
            stream.write(`${file.state === 'unchanged' ? 'unchanged' : 'uploaded'}  ${file.key}\n`);
          }
        }
      }
    },
    clear() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

/**
 * `lectern publish <job>`: uploads the job's rendered clips, subtitles, thumbnails and manifest to the bucket in
 * the settings, or the one LECTERN_S3_* names, with AWS_* credentials or the SDK's profiles. Running it again
 * after a failure continues from the parts already uploaded; identical objects are not sent again.
 */
export async function publishCommand(options: { jobId: number; json: boolean }): Promise<ExitCode> {
  // On Node 20 the SDK prints a notice about its releases from 2027 on: news for Lectern's maintainers (the
  // `engines` field), not for a lecturer publishing clips, whose stderr it would fill.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return withServices({}, async (services) => {
    const settings = requireS3Settings(s3SettingsWithEnvironment(services.settings.get().s3, process.env));
    services.jobs.get(options.jobId);
    const reporter = createPublishReporter(outputModeFor(options.json, process.stderr), process.stderr);
    const stop = services.publisher.onProgress((p) => reporter.progress(p));
    let summary;
    try {
      summary = await services.publisher.publish(options.jobId, { settings });
    } finally {
      stop();
      reporter.clear();
    }
    if (options.json) {
      const objects = summary.objects.map(({ key, etag, size, url }) => ({ key, etag, size, url }));
      process.stdout.write(`${JSON.stringify({ objects })}\n`);
      return exitCodes.ok;
    }
    const sent = summary.fileCount - summary.unchangedCount;
    const expires = new Date(Math.min(...summary.objects.map((o) => o.urlExpiresAt))).toLocaleString();
    process.stderr.write(
      `Published job ${options.jobId} to bucket "${summary.bucket}": ${sent} file(s) uploaded, ` +
        `${summary.unchangedCount} already there unchanged. Links work until ${expires}.\n`,
    );
    for (const object of summary.objects) {
      if (object.kind === 'video' || object.kind === 'manifest')
        process.stdout.write(`${object.title ?? 'manifest'}\n  ${object.key}\n  ${object.url}\n`);
    }
    return exitCodes.ok;
  });
}
