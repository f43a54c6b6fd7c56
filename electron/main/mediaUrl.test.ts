// How the main process and Chromium see the URLs the renderer builds for media.
import { describe, expect, it } from 'vitest';
import { mediaUrl, parseMediaUrl, rebaseMediaUrl, withMediaVersion } from '../../shared/ipc/mediaUrl.ts';

describe('mediaUrl and parseMediaUrl', () => {
  it('write and read the same reference', () => {
    expect(mediaUrl(3, 'source')).toBe('lectern-media://job/3/source');
    expect(mediaUrl(3, 'thumbnail', 41)).toBe('lectern-media://job/3/thumbnail/41');
    expect(parseMediaUrl(mediaUrl(3, 'waveform'))).toEqual({ kind: 'waveform', jobId: 3 });
    expect(parseMediaUrl(mediaUrl(3, 'clip', 41))).toEqual({ kind: 'clip', jobId: 3, clipId: 41 });
    // What a standard scheme's URL parser gives back unchanged, so Chromium passes it on as written.
    expect(new URL(mediaUrl(3, 'vtt', 41)).href).toBe(mediaUrl(3, 'vtt', 41));
  });

  it('carries a cache key that names nothing: the same file with or without it', () => {
    const versioned = withMediaVersion(mediaUrl(3, 'clip', 41), 'a1b2c3');
    expect(versioned).toBe('lectern-media://job/3/clip/41?v=a1b2c3');
    expect(parseMediaUrl(versioned)).toEqual({ kind: 'clip', jobId: 3, clipId: 41 });
    expect(new URL(versioned).href).toBe(versioned);
    for (const bad of ['', '../x', 'a/b', 'a&b=c', 'x'.repeat(65), 'é']) {
      expect(() => withMediaVersion(mediaUrl(3, 'source'), bad)).toThrow();
    }
  });

  it('rebases a media URL onto the http base the browser harness gives, and leaves the app scheme alone', () => {
    const url = withMediaVersion(mediaUrl(3, 'clip', 41), 'v2');
    expect(rebaseMediaUrl(url, 'lectern-media://')).toBe(url);
    expect(rebaseMediaUrl(url, 'http://127.0.0.1:4000/media/')).toBe('http://127.0.0.1:4000/media/job/3/clip/41?v=v2');
    expect(rebaseMediaUrl(mediaUrl(3, 'source'), 'http://127.0.0.1:4000/media')).toBe(
      'http://127.0.0.1:4000/media/job/3/source',
    );
    expect(() => rebaseMediaUrl('file:///etc/passwd', 'http://127.0.0.1:4000/media/')).toThrow();
  });

  it('refuses to write a URL for ids that are not ids', () => {
    expect(() => mediaUrl(0, 'source')).toThrow();
    expect(() => mediaUrl(1.5, 'source')).toThrow();
    expect(() => mediaUrl(1, 'clip', -2)).toThrow();
    expect(() => mediaUrl(1, 'clip', Number.NaN)).toThrow();
  });
});
