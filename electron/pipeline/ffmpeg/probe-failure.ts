import { open } from 'node:fs/promises';
import path from 'node:path';
import { LecternError } from '../../../shared/errors.ts';
import type { FfmpegError } from './errors.ts';

/**
 * ffprobe says "Invalid data found when processing input" both for a text file renamed .mp4 and for a real MP4 whose
 * index never got written ("moov atom not found": a recording or copy that was interrupted). The first bytes tell
 * them apart: a damaged recording still starts like one.
 */
export async function explainProbeFailure(filePath: string, error: FfmpegError): Promise<LecternError> {
  const name = path.basename(filePath);
  const stderr = error.stderrTail;
  if (/No such file or directory/i.test(stderr)) {
    return new LecternError(
      'file-missing',
      `Lectern can't find “${name}” any more. It may have been moved or deleted.`,
      {
        cause: error,
      },
    );
  }
  if (/Permission denied|Is a directory/i.test(stderr)) {
    return new LecternError('file-unreadable', unreadableMessage(name), { cause: error });
  }
  if (await startsLikeMedia(filePath)) {
    return new LecternError(
      'truncated',
      `“${name}” is incomplete or damaged: it starts like a recording, but Lectern cannot read it to the end. This ` +
        `happens when a recording or a copy was interrupted. Copy or export the recording again, then add it.`,
      { cause: error },
    );
  }
  return notMedia(name, error);
}

export function notMedia(fileName: string, cause?: unknown): LecternError {
  return new LecternError(
    'not-media',
    `“${fileName}” is not an audio or video recording Lectern can read. Check that you picked the lecture ` +
      `recording itself (not notes, slides or a shortcut to it), then add it again.`,
    { cause },
  );
}

export function unreadableMessage(fileName: string): string {
  return `Lectern is not allowed to read “${fileName}”. Copy it to a folder you own (e.g. your Documents), then add the copy.`;
}

const isoBoxTypes = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'uuid']);

/** Magic numbers of the containers lectures come in: MP4/MOV, Matroska/WebM, WAV/AVI, Ogg, FLAC, MP3 (ID3), ASF. */
export function hasMediaSignature(head: Uint8Array): boolean {
  const ascii = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));
  const hex = (from: number, to: number): string => Buffer.from(head.subarray(from, to)).toString('hex');
  return (
    isoBoxTypes.has(ascii(4, 8)) ||
    hex(0, 4) === '1a45dfa3' ||
    ascii(0, 4) === 'RIFF' ||
    ascii(0, 4) === 'OggS' ||
    ascii(0, 4) === 'fLaC' ||
    ascii(0, 3) === 'ID3' ||
    hex(0, 4) === '3026b275'
  );
}

async function startsLikeMedia(filePath: string): Promise<boolean> {
  try {
    const file = await open(filePath, 'r');
    try {
      const head = new Uint8Array(12);
      const { bytesRead } = await file.read(head, 0, head.length, 0);
      return hasMediaSignature(head.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  } catch {
    return false;
  }
}
