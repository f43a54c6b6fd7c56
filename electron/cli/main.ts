import { parseArgs } from 'node:util';
import { z } from 'zod';
import { aspectSchema, subtitleModeSchema, type RenderSettings } from '../../shared/domain/clip.ts';
import {
  analysisEngineChoiceSchema,
  clipLengthSchema,
  transcriptionChoiceSchema,
  type AnalysisEngineChoice,
  type ClipLength,
  type TranscriptionChoice,
} from '../../shared/domain/settings.ts';
import { LecternError, isInputError, toAppError } from '../../shared/errors.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { cancelCommand } from './commands/cancel.ts';
import { clipsCommand, editCommand } from './commands/clips.ts';
import { jobsCommand } from './commands/jobs.ts';
import { modelsCommand } from './commands/models.ts';
import { processCommand } from './commands/process.ts';
import { publishCommand } from './commands/publish.ts';
import { renderCommand } from './commands/render.ts';
import { resumeCommand } from './commands/resume.ts';
import { exitCodes, type ExitCode } from './exitCodes.ts';

const usage = `Usage: lectern <command> [options]

Commands:
  process <media...>   Run the pipeline on one or more lecture recordings.
      --out DIR          Output folder (one lecture: the folder itself; several: a folder per lecture inside it).
      --captions FILE    Captions (.srt/.vtt) or transcript (.json) for the recording (one recording only).
      --clips N          Number of highlights (1-20, default 5).
      --length MIN-MAX   Highlight length in seconds (default 20-90).
      --aspect A         original (default), 9:16 or 1:1: crops around the slides or the lecturer.
      --subtitles S      burn (default: drawn into the picture), soft (a subtitle track) or none.
      --loudnorm         Even out loudness (EBU R128) so every clip plays at the same volume.
      --engine E         Transcription: auto (default: captions, else the local model, else Gemini if set up),
                         local (never leaves this computer) or gemini (needs GEMINI_API_KEY; sends speech audio).
      --analysis A       Topics: local (default) or gemini (needs GEMINI_API_KEY; sends the transcript text).
      --json             Print the result as JSON on stdout.
  analyze <transcript> Topics and highlights from a transcript alone (.srt, .vtt, .json); no media needed.
      --clips N, --json  As above; --json prints {"segments":[…],"highlights":[…]}.
  models [list]        Local speech-recognition models: installed and available.
  models download <name> / models import <file>
                       Get a model once (needs internet), or import an archive or folder you have.
  clips <jobId>        A job's highlights: times, titles, files, and whether each needs rendering.
  edit <clipId>        Change a highlight: --start S, --end S, --title T, --subtitles FILE (.srt/.vtt, clip times).
  render <jobId>       Render again the clips whose range, subtitles or settings changed, and rewrite the exports.
  publish <jobId>      Upload the job's clips, subtitles, thumbnails and manifest to S3; print download links.
      --json             Print {"objects":[{"key","etag","size","url"}]} on stdout.
      Bucket from the app's settings or LECTERN_S3_BUCKET, LECTERN_S3_REGION, LECTERN_S3_ENDPOINT,
      LECTERN_S3_PREFIX, LECTERN_S3_FORCE_PATH_STYLE=1; credentials AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or profiles.
  jobs [--json]        List the queue.
  resume <jobId>       Continue a job from its first unfinished stage.
  cancel <jobId>       Cancel a job, here or in another running Lectern.

Exit codes: 0 success, 2 invalid input (the reason is printed on stderr), 1 anything else.
Data folder: LECTERN_DATA_DIR, else the app's data folder.`;

const jobIdArg = z.coerce.number().int().positive();
const clipsArg = z.coerce.number().int().min(1).max(20);

function parseJobId(value: string | undefined, command: string): number {
  const parsed = jobIdArg.safeParse(value);
  if (!parsed.success)
    throw new LecternError('invalid-input', `"lectern ${command}" needs a number, e.g. lectern ${command} 3.`);
  return parsed.data;
}

function parseClips(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const clips = clipsArg.safeParse(value);
  if (!clips.success) throw new LecternError('invalid-input', '--clips must be a whole number from 1 to 20.');
  return clips.data;
}

/** Only what the command line says; everything else comes from the lecturer's settings, as in the app. */
function parseRender(
  aspect: string | undefined,
  subtitles: string | undefined,
  loudnorm: boolean | undefined,
): Partial<RenderSettings> {
  // Not renderSettingsSchema.partial(): zod 4 fills in a default even inside optional, and the flag left out would
  // silently override Settings.
  const given = z.object({
    aspect: aspectSchema.optional(),
    subtitles: subtitleModeSchema.optional(),
    loudnorm: z.boolean().optional(),
  });
  const parsed = given.safeParse({ aspect, subtitles, loudnorm });
  if (!parsed.success) {
    throw new LecternError(
      'invalid-input',
      '--aspect must be original, 9:16 or 1:1, and --subtitles burn, soft or none.',
    );
  }
  return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
}

function parseOnline(
  engine: string | undefined,
  analysis: string | undefined,
): { transcription?: TranscriptionChoice; analysis?: AnalysisEngineChoice } {
  const parsedEngine = transcriptionChoiceSchema.optional().safeParse(engine);
  const parsedAnalysis = analysisEngineChoiceSchema.optional().safeParse(analysis);
  if (!parsedEngine.success || !parsedAnalysis.success) {
    throw new LecternError('invalid-input', '--engine must be auto, local or gemini, and --analysis local or gemini.');
  }
  return {
    ...(parsedEngine.data ? { transcription: parsedEngine.data } : {}),
    ...(parsedAnalysis.data ? { analysis: parsedAnalysis.data } : {}),
  };
}

function parseLength(value: string | undefined): ClipLength | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(value.trim());
  const parsed = match ? clipLengthSchema.safeParse({ minSec: Number(match[1]), maxSec: Number(match[2]) }) : null;
  if (!parsed?.success) {
    throw new LecternError(
      'invalid-input',
      '--length must be MIN-MAX in seconds, e.g. 20-90 (from 5 to 600 s, at least 5 s apart).',
    );
  }
  return parsed.data;
}

async function dispatch(argv: string[]): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      captions: { type: 'string' },
      clips: { type: 'string' },
      length: { type: 'string' },
      aspect: { type: 'string' },
      subtitles: { type: 'string' },
      engine: { type: 'string' },
      analysis: { type: 'string' },
      loudnorm: { type: 'boolean' },
      start: { type: 'string' },
      end: { type: 'string' },
      title: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const json = values.json ?? false;
  if (values.help || !command) {
    process.stdout.write(`${usage}\n`);
    return command || values.help ? exitCodes.ok : exitCodes.invalidInput;
  }
  switch (command) {
    case 'process': {
      if (rest.length === 0)
        throw new LecternError('invalid-input', 'Name at least one recording: lectern process lecture.mp4');
      if (values.captions && rest.length > 1) {
        throw new LecternError(
          'invalid-input',
          '--captions goes with one recording; for several, put a .srt or .vtt with the same name beside each.',
        );
      }
      return processCommand({
        media: rest,
        out: values.out,
        captions: values.captions,
        clips: parseClips(values.clips),
        length: parseLength(values.length),
        render: parseRender(values.aspect, values.subtitles, values.loudnorm),
        online: parseOnline(values.engine, values.analysis),
        json,
      });
    }
    case 'clips':
      return clipsCommand({ jobId: parseJobId(rest[0], 'clips'), json });
    case 'edit':
      return editCommand({
        clipId: parseJobId(rest[0], 'edit'),
        start: values.start,
        end: values.end,
        title: values.title,
        subtitles: values.subtitles,
        json,
      });
    case 'render':
      return renderCommand({ jobId: parseJobId(rest[0], 'render'), json });
    case 'analyze': {
      if (rest.length !== 1)
        throw new LecternError('invalid-input', 'Name one transcript: lectern analyze lecture.srt');
      return analyzeCommand({
        transcript: rest[0]!,
        clips: parseClips(values.clips),
        length: parseLength(values.length),
        json,
      });
    }
    case 'models':
      return modelsCommand({ action: rest[0], target: rest[1], json });
    case 'publish':
      return publishCommand({ jobId: parseJobId(rest[0], 'publish'), json });
    case 'jobs':
      return jobsCommand({ json });
    case 'resume':
      return resumeCommand({ jobId: parseJobId(rest[0], 'resume'), json });
    case 'cancel':
      return cancelCommand({ jobId: parseJobId(rest[0], 'cancel'), json });
    default:
      throw new LecternError('invalid-input', `Unknown command "${command}".\n\n${usage}`);
  }
}

/** Runs the CLI and returns the exit code; errors become one line on stderr, never a stack trace. */
export async function runCli(argv: string[]): Promise<ExitCode> {
  try {
    return await dispatch(argv);
  } catch (error) {
    const appError =
      error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
        ? { code: 'invalid-input' as const, message: `${error.message}\n\n${usage}` }
        : toAppError(error);
    process.stderr.write(`lectern: ${appError.message}\n`);
    return isInputError(appError.code) ? exitCodes.invalidInput : exitCodes.failed;
  }
}
