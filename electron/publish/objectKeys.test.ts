import { describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/errors.ts';
import { keyDate, keyRelativeTo, keySegment, objectKey } from './objectKeys.ts';

const fields = { user: 'ada', lecture: 'physics-101', clip: '01-work', date: '2025-03-14' };

describe('object keys', () => {
  it('fills the template segment by segment and drops what the manifest has no value for', () => {
    expect(objectKey('{lecture}/{clip}', fields, '01-work.mp4')).toBe('physics-101/01-work/01-work.mp4');
    expect(objectKey('{user}/{lecture}/{clip}/{date}', fields, '01-work.srt')).toBe(
      'ada/physics-101/01-work/2025-03-14/01-work.srt',
    );
    expect(objectKey('{user}/{lecture}/{clip}/{date}', { ...fields, clip: null }, 'manifest.json')).toBe(
      'ada/physics-101/2025-03-14/manifest.json',
    );
    expect(objectKey('courses/{lecture}-{date}', fields, 'a.jpg')).toBe('courses/physics-101-2025-03-14/a.jpg');
  });

  it('keeps keys to safe characters, never "." or ".." segments', () => {
    expect(keySegment('Énergie potentielle: ½mv²')).toBe('Energie-potentielle-1-2mv2');
    expect(objectKey('../{lecture}/./x', { ...fields, lecture: 'a b' }, 'f.mp4')).toBe('a-b/x/f.mp4');
  });

  it('refuses a placeholder it does not know, naming it', () => {
    expect(() => objectKey('{lectur}/{clip}', fields, 'f.mp4')).toThrow(LecternError);
    expect(() => objectKey('{lectur}/{clip}', fields, 'f.mp4')).toThrow(/\{lectur\}/);
  });

  it('dates keys by the day (UTC) and relates keys as a manifest lists files', () => {
    expect(keyDate(Date.UTC(2025, 2, 14, 23, 59))).toBe('2025-03-14');
    expect(keyRelativeTo('a/b/manifest.json', 'a/b/c/x.mp4')).toBe('c/x.mp4');
    expect(keyRelativeTo('u/l/2025/manifest.json', 'u/l/01/2025/x.mp4')).toBe('../01/2025/x.mp4');
    expect(keyRelativeTo('manifest.json', 'x.mp4')).toBe('x.mp4');
  });
});
