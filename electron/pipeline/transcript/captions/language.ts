/** "en", "en-US", "pt_BR", "eng", "English": the tags caption files and subtitle tracks carry. */
export function looksLikeLanguage(tag: string): boolean {
  return /^[a-z]{2}(?:[-_][a-z0-9]{2,8})?$/i.test(tag) || isEnglish(tag);
}

export function isEnglish(tag: string | null): boolean {
  return tag !== null && /^(?:en|eng|english)(?:[-_].*)?$/i.test(tag);
}

/** Lower is preferred: English, then no stated language (usually the lecture's own), then the rest. */
export function languageRank(tag: string | null): number {
  if (isEnglish(tag)) return 0;
  return tag === null ? 1 : 2;
}

/** The tag from a file name like "Lecture 1.en.srt"; null when the part before the extension is not a language. */
export function languageFromFileName(fileName: string): string | null {
  const parts = fileName.split('.');
  const tag = parts.length >= 3 ? parts.at(-2) : undefined;
  return tag !== undefined && looksLikeLanguage(tag) ? tag : null;
}
