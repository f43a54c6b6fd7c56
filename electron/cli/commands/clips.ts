import path from 'node:path';
import { clipCueSchema, type ClipEdit } from '../../../shared/domain/clip.ts';
import { LecternError } from '../../../shared/errors.ts';
import { readCaptionsFile } from '../../pipeline/transcript/captions/readCaptionsFile.ts';
import { editClip, listClips } from '../../services/clipService.ts';
import { withServices } from '../context.ts';
import { exitCodes, type ExitCode } from '../exitCodes.ts';
import { formatDuration } from '../report.ts';

/** `lectern clips <job>`: the job's highlights, whether each needs rendering, and where its files are. */
export async function clipsCommand(options: { jobId: number; json: boolean }): Promise<ExitCode> {
  return withServices({}, async ({ db }) => {
    const clips = listClips(db, options.jobId);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ clips }, null, 2)}\n`);
      return exitCodes.ok;
    }
    if (clips.length === 0) process.stdout.write(`Job ${options.jobId} has no highlights yet.\n`);
    for (const c of clips) {
      const state = c.needsRender ? `${c.state}, needs rendering` : c.state;
      const file = c.outputs ? `  ${c.outputs.video}` : '';
      process.stdout.write(
        `clip ${c.id}  ${formatDuration(c.start)}–${formatDuration(c.end)}  ${c.title}  (${state})${file}\n`,
      );
    }
    return exitCodes.ok;
  });
}

export interface EditOptions {
  clipId: number;
  start: string | undefined;
  end: string | undefined;
  title: string | undefined;
  /** An .srt/.vtt with the clip's corrected subtitles, times from the clip's start. */
  subtitles: string | undefined;
  json: boolean;
}

function seconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new LecternError('invalid-input', `--${name} must be a time in seconds, e.g. 125.5.`);
  return n;
}

/**
 * `lectern edit <clip>`: trim a highlight, retitle it, or replace its subtitles with a corrected .srt/.vtt
 * (for example the clip's own .srt after fixing a word). `lectern render <job>` then redoes only what changed.
 */
export async function editCommand(options: EditOptions): Promise<ExitCode> {
  const edit: ClipEdit = {};
  const start = seconds(options.start, 'start');
  const end = seconds(options.end, 'end');
  if (start !== undefined) edit.start = start;
  if (end !== undefined) edit.end = end;
  if (options.title !== undefined) edit.title = options.title;
  if (options.subtitles) {
    const { cues } = await readCaptionsFile(path.resolve(options.subtitles));
    edit.subtitleText = cues.map((c) => clipCueSchema.parse({ start: c.start, end: c.end, text: c.text }));
  }
  if (Object.keys(edit).length === 0) {
    throw new LecternError('invalid-input', 'Say what to change: --start, --end, --title or --subtitles FILE.');
  }
  return withServices({}, async ({ db }) => {
    const clip = editClip(db, options.clipId, edit);
    if (options.json) process.stdout.write(`${JSON.stringify({ clip }, null, 2)}\n`);
    else
      process.stderr.write(
        `clip ${clip.id} updated: ${formatDuration(clip.start)}–${formatDuration(clip.end)} ${clip.title}; run "lectern render ${clip.jobId}" to update its files.\n`,
      );
    return exitCodes.ok;
  });
}
