import type { PublishedKind } from '../../shared/domain/publish.ts';

/** What players and browsers need to show each file inline rather than download it as bytes. */
export const contentTypes: Record<PublishedKind, string> = {
  video: 'video/mp4',
  srt: 'application/x-subrip; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
  thumbnail: 'image/jpeg',
  manifest: 'application/json; charset=utf-8',
};

const maxValueChars = 300;

/**
 * S3 user metadata travels as HTTP headers, so values must be printable ASCII (S3 itself stores and returns
 * anything else RFC 2047-encoded, and the SDK would otherwise send bytes some stores reject). ASCII text is kept
 * readable; any other text becomes `=?UTF-8?B?…?=`, which S3 consoles and email-style decoders understand.
 * Long titles are cut, since all user metadata together must stay under 2 KB.
 */
export function metadataValue(text: string): string {
  const printable = [...text].map((char) => (char < ' ' || char === '\u007f' ? ' ' : char)).join('');
  const clean = [...printable.replace(/ {2,}/g, ' ').trim()].slice(0, maxValueChars).join('');
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  return `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}

/** The text a `metadataValue` stands for. */
export function readMetadataValue(value: string): string {
  const encoded = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=$/i.exec(value);
  return encoded ? Buffer.from(encoded[1]!, 'base64').toString('utf8') : value;
}

export interface ObjectDescription {
  kind: PublishedKind;
  sha256: string;
  title: string | null;
  topic: string | null;
  score: number | null;
}

/** The object's metadata: its SHA-256 (how re-publishing recognises an identical copy), and what the clip is. */
export function objectMetadata(object: ObjectDescription): Record<string, string> {
  return {
    sha256: object.sha256,
    'lectern-kind': object.kind,
    ...(object.title !== null ? { title: metadataValue(object.title) } : {}),
    ...(object.topic !== null ? { topic: metadataValue(object.topic) } : {}),
    ...(object.score !== null ? { score: object.score.toFixed(3) } : {}),
  };
}
