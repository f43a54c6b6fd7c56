import { describe, expect, it } from 'vitest';
import { colourArgs, jpegColourFilter, parseColourTags, untagged } from './colour.ts';

describe('parseColourTags', () => {
  it('keeps the names this FFmpeg accepts', () => {
    const hd = parseColourTags({
      pix_fmt: 'yuv420p',
      color_range: 'tv',
      color_space: 'bt709',
      color_transfer: 'bt709',
      color_primaries: 'bt709',
    });
    expect(hd).toEqual({ primaries: 'bt709', transfer: 'bt709', matrix: 'bt709', range: 'tv' });
    expect(colourArgs(hd)).toEqual([
      ...['-color_primaries', 'bt709', '-color_trc', 'bt709', '-colorspace', 'bt709', '-color_range', 'tv'],
    ]);
  });

  it('drops unknown and newer names rather than let FFmpeg N-47683 refuse them', () => {
    const tags = parseColourTags({ color_space: 'ycgco-re', color_transfer: 'unknown', color_range: 'unknown' });
    expect(tags).toEqual(untagged);
    expect(colourArgs(tags)).toEqual([]);
  });

  it('calls a full-range yuvj source limited range, as it is converted on the way to yuv420p', () => {
    expect(parseColourTags({ pix_fmt: 'yuvj420p', color_range: 'pc' }).range).toBe('tv');
    expect(parseColourTags({ pix_fmt: 'yuv420p', color_range: 'pc' }).range).toBe('pc');
  });
});

describe('jpegColourFilter', () => {
  it('converts matrices other than BT.601 for JPEG', () => {
    expect(jpegColourFilter({ ...untagged, matrix: 'bt709' })).toBe('colormatrix=bt709:bt601');
    expect(jpegColourFilter({ ...untagged, matrix: 'bt2020nc' })).toBe('colormatrix=bt2020:bt601');
    expect(jpegColourFilter({ ...untagged, matrix: 'smpte170m' })).toBeNull();
    expect(jpegColourFilter(untagged)).toBeNull();
  });
});
