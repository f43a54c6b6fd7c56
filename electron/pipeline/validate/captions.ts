import { statSync } from 'node:fs';
import path from 'node:path';
import { LecternError } from '../../../shared/errors.ts';

const captionExtensions = new Set(['.srt', '.vtt', '.json', '.csv', '.txt', '.ref']);

/** A captions file given with --captions must exist and be one Lectern can read; its contents are parsed later. */
export function checkCaptionsFile(filePath: string): void {
  const name = path.basename(filePath);
  let size: number;
  try {
    const stat = statSync(filePath);
    if (!stat.isFile()) throw new LecternError('file-unreadable', `The captions "${name}" is a folder, not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof LecternError) throw error;
    throw new LecternError('file-missing', `The captions file "${filePath}" does not exist. Check the path.`);
  }
  if (size === 0) throw new LecternError('file-empty', `The captions file "${name}" is empty.`);
  if (!captionExtensions.has(path.extname(filePath).toLowerCase())) {
    throw new LecternError(
      'invalid-input',
      `The captions file "${name}" must be captions (.srt, .vtt), a Whisper or Lectern .json transcript, a sentence table (.csv) or plain text (.txt).`,
    );
  }
}
