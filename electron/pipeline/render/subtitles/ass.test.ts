import { describe, expect, it } from 'vitest';
import { assStyleFor, assText, assTime, toAss } from './ass.ts';

describe('toAss', () => {
  it('writes a script in the video’s own coordinates with a readable default style', () => {
    const script = toAss(
      [
        { start: 0.2, end: 1.234, text: 'Conservation of\nmechanical energy' },
        { start: 61.005, end: 3725.5, text: 'I trust it {100%}' },
      ],
      { width: 1280, height: 720 },
    );
    expect(script).toBe(
      [
        '[Script Info]',
        '; Written by Lectern',
        'ScriptType: v4.00+',
        'PlayResX: 1280',
        'PlayResY: 720',
        'ScaledBorderAndShadow: yes',
        'WrapStyle: 0',
        '',
        '[V4+ Styles]',
        'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, ' +
          'Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, ' +
          'MarginR, MarginV, Encoding',
        'Style: Default,DejaVu Sans,40,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,3.2,0,2,90,90,43,1',
        '',
        '[Events]',
        'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
        'Dialogue: 0,0:00:00.20,0:00:01.23,Default,,0,0,0,,Conservation of\\Nmechanical energy',
        'Dialogue: 0,0:01:01.01,1:02:05.50,Default,,0,0,0,,I trust it \\{100%\\}',
        '',
      ].join('\n'),
    );
  });
});

describe('assStyleFor', () => {
  it('sizes text from the shorter side, so vertical video gets legible text', () => {
    const landscape = assStyleFor(1920, 1080);
    const portrait = assStyleFor(1080, 1920);
    expect(landscape.fontSize).toBe(59);
    expect(portrait.fontSize).toBe(59);
    expect(portrait).toMatchObject({ marginLR: 76, marginV: 115, alignment: 2, outline: 4.7, borderStyle: 1 });
  });

  it('takes a font, a scale, the top position and a box', () => {
    const style = assStyleFor(1280, 720, { fontName: 'Arial, Bold', fontScale: 1.5, position: 'top', box: true });
    expect(style).toEqual({
      fontName: 'Arial Bold',
      fontSize: 59,
      outline: 7.1,
      alignment: 8,
      borderStyle: 3,
      outlineColour: '&H00000000',
      marginLR: 90,
      marginV: 43,
    });
  });

  it('falls back to the default font for an empty name', () => {
    expect(assStyleFor(640, 360, { fontName: ' , ' }).fontName).toBe('DejaVu Sans');
  });
});

describe('assText', () => {
  it('escapes override braces and backslash sequences, and turns lines into \\N', () => {
    expect(assText('a {\\b1} b\n\\N stays\r\nthird')).toBe('a \\{\\\u2060b1\\} b\\N\\\u2060N stays\\Nthird');
    expect(assText('tab\there')).toBe('tab here');
  });
});

describe('assTime', () => {
  it('writes h:mm:ss.cc, rounding as a whole', () => {
    expect(assTime(0)).toBe('0:00:00.00');
    expect(assTime(59.996)).toBe('0:01:00.00');
    expect(assTime(3725.5)).toBe('1:02:05.50');
    expect(assTime(-1)).toBe('0:00:00.00');
  });
});
