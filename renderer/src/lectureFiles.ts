import { lectureExtensions } from '../../shared/domain/media.ts';

const accepted: ReadonlySet<string> = new Set(lectureExtensions);
const acceptedList = lectureExtensions.map((extension) => `.${extension}`).join(', ');

/** For the file picker's `accept`: the same list the drop zone checks. */
export const lectureFileAccept = acceptedList.replaceAll(' ', '');

export interface RefusedFile {
  name: string;
  reason: string;
}

/**
 * Why a file cannot be a lecture, judged by its name alone, or null if it may be one. This only spares a round
 * trip for the obvious cases (a PDF, a slide deck): the engine still probes every file it is given.
 */
export function refuseByName(name: string): string | null {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (accepted.has(extension)) return null;
  return `"${name}" is not a recording Lectern can open. It accepts ${acceptedList}.`;
}

function notOnDisk(name: string): string {
  return `"${name}" is not a file on this computer (was it dragged from a web page?). Save it first, then add it.`;
}

/** Splits dropped or picked files into paths to queue and files refused with their reason. */
export function sortLectureFiles<F extends { name: string }>(
  files: F[],
  pathOf: (file: F) => string,
): { paths: string[]; refused: RefusedFile[] } {
  const paths: string[] = [];
  const refused: RefusedFile[] = [];
  for (const file of files) {
    const badName = refuseByName(file.name);
    if (badName) {
      refused.push({ name: file.name, reason: badName });
      continue;
    }
    const path = pathOf(file);
    if (path) paths.push(path);
    else refused.push({ name: file.name, reason: notOnDisk(file.name) });
  }
  return { paths, refused };
}
