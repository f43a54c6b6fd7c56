import type { SubtitleStyle } from '../../../../shared/domain/clip.ts';
import type { Cue } from './cue.ts';

export interface AssStyleOptions {
  /**
   * Looked up through fontconfig by libass; a name it does not know falls back to fontconfig's default sans
   * (DejaVu Sans or Liberation Sans on Linux), so the text is drawn either way.
   */
  fontName?: string;
  /** Multiplies the default size (5.5 % of the picture's shorter side). */
  fontScale?: number;
  position?: 'bottom' | 'top';
  /** A dark box behind the text instead of an outline: readable over busy slides and bright video. */
  box?: boolean;
}

export interface AssOptions {
  /** The video's size in pixels: the script's coordinate space, so sizes below are pixels of the output. */
  width: number;
  height: number;
  style?: AssStyleOptions;
}

export interface AssStyle {
  fontName: string;
  fontSize: number;
  outline: number;
  /** ASS numpad alignment: 2 bottom centre, 8 top centre. */
  alignment: 2 | 8;
  borderStyle: 1 | 3;
  /** `&HAABBGGRR`: the outline's colour, or the box's with BorderStyle 3. */
  outlineColour: string;
  marginLR: number;
  marginV: number;
}

export const defaultFontName = 'DejaVu Sans';

/** Small and large stay within the range subtitle guidelines allow (about 4.5 % to 7 % of the picture's height). */
const sizeScale: Record<SubtitleStyle['size'], number> = { small: 0.82, medium: 1, large: 1.25 };

/** The lecturer's subtitle style (Settings ▸ Clips) as options for the ASS script. */
export function assStyleOptions(style: SubtitleStyle): AssStyleOptions {
  return { fontScale: sizeScale[style.size], position: style.position };
}

/**
 * The style for a video size. Sizes follow broadcast subtitle practice: text about 5.5 % of the picture's shorter side
 * (so a 9:16 clip gets the size a 16:9 one of the same width would, not a third of it), outline 8 % of that, margins
 * keeping the text inside the title-safe area (EBU R 95: 5 % vertically, 10 % horizontally of which we take 7 %).
 */
export function assStyleFor(width: number, height: number, options: AssStyleOptions = {}): AssStyle {
  const fontSize = Math.max(8, Math.round(0.055 * Math.min(width, height) * (options.fontScale ?? 1)));
  const box = options.box ?? false;
  return {
    // A comma would end the field in the comma-separated Style line.
    fontName: (options.fontName ?? defaultFontName).replace(/[,\s]+/g, ' ').trim() || defaultFontName,
    fontSize,
    // With BorderStyle 3 the outline width is the box's padding around the text.
    outline: roundTenth(fontSize * (box ? 0.12 : 0.08)),
    alignment: options.position === 'top' ? 8 : 2,
    borderStyle: box ? 3 : 1,
    // libass fills the BorderStyle 3 box with the outline colour, one box per line; translucent boxes overlap
    // where the lines meet and show a dark seam, so the box is opaque.
    outlineColour: '&H00000000',
    marginLR: Math.round(0.07 * width),
    marginV: Math.round(0.06 * height),
  };
}

/** An ASS script for FFmpeg's `ass` filter (libass), with PlayRes equal to the video so nothing is rescaled. */
export function toAss(cues: readonly Cue[], options: AssOptions): string {
  const style = assStyleFor(options.width, options.height, options.style);
  // Positional, in the order of the Format line below.
  const styleFields = [
    ['Default', style.fontName, style.fontSize],
    // Text, karaoke (unused), outline or box, shadow (unused) colours.
    ['&H00FFFFFF', '&H000000FF', style.outlineColour, '&H00000000'],
    // Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle.
    [0, 0, 0, 0, 100, 100, 0, 0],
    [style.borderStyle, style.outline, 0, style.alignment, style.marginLR, style.marginLR, style.marginV, 1],
  ].flat();
  const lines = [
    '[Script Info]',
    '; Written by Lectern',
    'ScriptType: v4.00+',
    `PlayResX: ${Math.round(options.width)}`,
    `PlayResY: ${Math.round(options.height)}`,
    'ScaledBorderAndShadow: yes',
    // Smart wrapping only where a line we wrapped is still wider than the frame (a large fontScale on a narrow video).
    'WrapStyle: 0',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, ' +
      'Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, ' +
      'MarginR, MarginV, Encoding',
    `Style: ${styleFields.join(',')}`,
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
    ...cues.map((cue) => `Dialogue: 0,${assTime(cue.start)},${assTime(cue.end)},Default,,0,0,0,,${assText(cue.text)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Cue text as ASS event text. libass reads `{...}` as override tags and `\N`, `\n`, `\h` as breaks and spaces, and it
 * has no escape for a backslash (`\\N` still breaks the line). So braces become `\{` `\}` (libass's escapes) and a
 * backslash is followed by U+2060 WORD JOINER, which is invisible and ends any escape sequence.
 */
export function assText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.replace(/\t/g, ' ').replace(/[\\{}]/g, (c) => (c === '\\' ? '\\\u2060' : `\\${c}`)))
    .join('\\N');
}

/** `h:mm:ss.cc`: ASS times are centiseconds, rounded as a whole. */
export function assTime(seconds: number): string {
  const totalCs = Math.max(0, Math.round(seconds * 100));
  const cs = totalCs % 100;
  const totalSeconds = Math.floor(totalCs / 100);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor(totalSeconds / 60) % 60;
  const s = totalSeconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(cs).padStart(2, '0')}`;
}

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
