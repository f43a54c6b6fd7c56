import { describe, expect, it } from 'vitest';
import { timestamp, toSrt, toVtt } from './formats.ts';

const cues = [
  { start: 0, end: 1.5, text: 'Now I want to return to the conservation\nof mechanical energy.' },
  { start: 3661.0456, end: 3667.2, text: 'A --> B & <b>not bold</b>' },
];

describe('toSrt', () => {
  it('writes numbered blocks with comma milliseconds and no arrow inside the text', () => {
    expect(toSrt(cues)).toBe(
      '1\n00:00:00,000 --> 00:00:01,500\nNow I want to return to the conservation\nof mechanical energy.\n\n' +
        '2\n01:01:01,046 --> 01:01:07,200\nA -> B & <b>not bold</b>\n',
    );
  });

  it('drops blank lines, which would end the block', () => {
    expect(toSrt([{ start: 1, end: 2, text: 'one\n\n  two ' }])).toBe('1\n00:00:01,000 --> 00:00:02,000\none\ntwo\n');
  });

  it('writes nothing for no cues', () => {
    expect(toSrt([])).toBe('');
  });
});

describe('toVtt', () => {
  it('writes the header and dot milliseconds, with markup characters as references', () => {
    expect(toVtt(cues)).toBe(
      'WEBVTT\n\n' +
        '00:00:00.000 --> 00:00:01.500\nNow I want to return to the conservation\nof mechanical energy.\n\n' +
        '01:01:01.046 --> 01:01:07.200\nA --&gt; B &amp; &lt;b&gt;not bold&lt;/b&gt;\n',
    );
  });

  it('is a valid empty file for no cues', () => {
    expect(toVtt([])).toBe('WEBVTT\n');
  });
});

describe('timestamp', () => {
  it('carries rounding into the next second, minute and hour', () => {
    expect(timestamp(59.9996, '.')).toBe('00:01:00.000');
    expect(timestamp(3599.9999, ',')).toBe('01:00:00,000');
    expect(timestamp(0.0004, ',')).toBe('00:00:00,000');
    expect(timestamp(-0.2, '.')).toBe('00:00:00.000');
    expect(timestamp(36000 + 0.001, '.')).toBe('10:00:00.001');
  });
});
