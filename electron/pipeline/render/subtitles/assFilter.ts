import path from 'node:path';

export interface AssFilterOptions {
  /** A folder of fonts libass loads besides the system's: for a font Lectern ships rather than one fontconfig finds. */
  fontsDir?: string;
}

/**
 * The `ass=…` filter that burns the script at `assPath` into the video, for `-vf` or `-filter_complex`.
 *
 * The `ass` filter, not `subtitles`: `subtitles` opens the file through libavformat, which takes a relative path with
 * a colon ("a:b.ass") for a URL and fails with "Protocol not found"; `ass` hands the path to libass as it is. The path
 * is made absolute too, since the FFmpeg child may run in another working directory.
 */
export function assFilterArg(assPath: string, options: AssFilterOptions = {}): string {
  const args = [`filename=${escapeFilterValue(path.resolve(assPath))}`];
  if (options.fontsDir !== undefined) args.push(`fontsdir=${escapeFilterValue(path.resolve(options.fontsDir))}`);
  return `ass=${args.join(':')}`;
}

/**
 * Escapes an option value for a filtergraph string, which FFmpeg unescapes twice (ffmpeg-filters(1), "Notes on
 * filtergraph escaping"; both levels are libavutil's av_get_token): first the graph parser, where `[ ] , ;` end the
 * filter and `\ '` escape or quote, then the filter's option parser, where `:` ends the value and `\ '` again escape or
 * quote. Whitespace is escaped at both levels, since each level trims it from the ends of a value.
 */
export function escapeFilterValue(value: string): string {
  const optionLevel = value.replace(/[\\':\s]/g, (c) => `\\${c}`);
  return optionLevel.replace(/[\\'[\],;\s]/g, (c) => `\\${c}`);
}
