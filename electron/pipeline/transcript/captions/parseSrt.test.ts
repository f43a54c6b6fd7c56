import { describe, expect, it } from 'vitest';
import { parseSrt } from './parseSrt.ts';

const lines = (...rows: string[]): string => rows.join('\n');

describe('parseSrt', () => {
  it('reads numbered cues with multi-line text', () => {
    const srt = lines(
      '1',
      '00:00:01,000 --> 00:00:04,500',
      'Welcome back',
      'to 8.01.',
      '',
      '2',
      '01:02:03,250 --> 01:02:05,000',
      'Energy.',
      '',
    );
    expect(parseSrt(srt)).toEqual([
      { start: 1, end: 4.5, text: 'Welcome back to 8.01.', words: null },
      { start: 3723.25, end: 3725, text: 'Energy.', words: null },
    ]);
  });

  it('ignores a BOM and CRLF line ends', () => {
    const srt =
      '\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nHello\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nthere\r\n';
    expect(parseSrt(srt).map((c) => c.text)).toEqual(['Hello', 'there']);
  });

  it('copes with missing cue numbers, extra blank lines and missing blank lines', () => {
    const srt = lines(
      '',
      '',
      '00:00:01,000 --> 00:00:02,000',
      'no number',
      '',
      '',
      '',
      '7',
      '00:00:03,000 --> 00:00:04,000',
      'no blank line after me',
      '8',
      '00:00:05,000 --> 00:00:06,000',
      'nor after me',
      '00:00:07,000 --> 00:00:08,000',
      '42',
    );
    expect(parseSrt(srt).map((c) => [c.start, c.text])).toEqual([
      [1, 'no number'],
      [3, 'no blank line after me'],
      [5, 'nor after me'],
      [7, '42'],
    ]);
  });

  it('accepts "." before milliseconds, short fractions and a missing hours field', () => {
    expect(parseSrt(lines('1', '00:00:01.500 --> 00:00:02.250', 'dots'))[0]).toMatchObject({ start: 1.5, end: 2.25 });
    expect(parseSrt(lines('1', '00:00:01,5 --> 00:02,25', 'short'))[0]).toMatchObject({ start: 1.5, end: 2.25 });
  });

  it('removes tags, ASS overrides and decodes entities', () => {
    const srt = lines(
      '1',
      '00:00:01,000 --> 00:00:02,000 X1:100 X2:200 Y1:10 Y2:20',
      '{\\an8}<i>Force</i> &amp; <font color="#ffff00">energy</font>',
      '<b>it&#39;s</b> &lt;3 &quot;fun&quot;\\Nreally&nbsp;fun',
    );
    expect(parseSrt(srt)[0]?.text).toBe('Force & energy it\'s <3 "fun" really fun');
  });

  it('leaves comparisons and LaTeX in the text', () => {
    const srt = lines('1', '00:00:01,000 --> 00:00:02,000', 'if a<b and c>d then \\nabla E = 0 and \\hbar');
    expect(parseSrt(srt)[0]?.text).toBe('if a<b and c>d then \\nabla E = 0 and \\hbar');
  });

  it('keeps an arrow in caption text', () => {
    const srt = lines('1', '00:00:01,000 --> 00:00:02,000', 'kinetic --> potential');
    expect(parseSrt(srt)[0]?.text).toBe('kinetic --> potential');
  });

  it('keeps a cue that ends before it starts, as a zero-length cue', () => {
    expect(parseSrt(lines('1', '00:00:05,000 --> 00:00:04,000', 'glitch'))[0]).toMatchObject({ start: 5, end: 5 });
  });

  it('drops the repeated line of rolling two-line captions', () => {
    const srt = lines(
      '1',
      '00:00:01,000 --> 00:00:03,000',
      'the first line',
      '',
      '2',
      '00:00:03,000 --> 00:00:05,000',
      'the first line',
      'the second line',
      '',
      '3',
      '00:00:05,000 --> 00:00:07,000',
      'the second line',
      'the third line',
    );
    expect(parseSrt(srt).map((c) => [c.start, c.text])).toEqual([
      [1, 'the first line'],
      [3, 'the second line'],
      [5, 'the third line'],
    ]);
  });

  it('has no cues in an empty file', () => {
    expect(parseSrt('')).toEqual([]);
    expect(parseSrt('\uFEFF\r\n\r\n')).toEqual([]);
  });

  it('names the line of an unreadable time', () => {
    const srt = lines('1', '00:00:01,000 --> 00:00:02,000', 'ok', '', '2', '00:00:03,000 --> soon', 'broken');
    expect(() => parseSrt(srt)).toThrow(/^line 6: cannot read the times in "00:00:03,000 --> soon"/);
    expect(() => parseSrt(lines('1', '00:61:00,000 --> 00:62:00,000', 'x'))).toThrow(/line 2/);
  });

  it('names the first line that is not SRT', () => {
    expect(() => parseSrt('<html>\n<body>not captions</body>')).toThrow(
      /^line 1: expected a cue number or a time line/,
    );
    expect(() => parseSrt(lines('Title: My lecture', '', '1', '00:00:01,000 --> 00:00:02,000', 'x'))).toThrow(
      /^line 1:/,
    );
  });
});
