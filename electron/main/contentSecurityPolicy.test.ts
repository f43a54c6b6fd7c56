import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './contentSecurityPolicy.ts';

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));
}

describe('contentSecurityPolicy', () => {
  const production = contentSecurityPolicy({ dev: false, delivery: 'header' });

  it('allows only our own scripts and styles in production, nothing inline', () => {
    expect(directive(production, 'default-src')).toBe("default-src 'none'");
    expect(directive(production, 'script-src')).toBe("script-src 'self'");
    expect(directive(production, 'style-src')).toBe("style-src 'self'");
    expect(production).not.toContain('unsafe');
    expect(directive(production, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('lets the player and thumbnails use lectern-media:', () => {
    expect(directive(production, 'media-src')).toContain('lectern-media:');
    expect(directive(production, 'img-src')).toContain('lectern-media:');
    // The waveform's peaks are fetched from there too, and from nowhere else.
    expect(directive(production, 'connect-src')).toBe("connect-src 'self' lectern-media:");
  });

  it('relaxes only what the dev server needs', () => {
    const dev = contentSecurityPolicy({ dev: true, delivery: 'header' });
    expect(directive(dev, 'script-src')).toContain("'unsafe-inline'");
    expect(directive(dev, 'connect-src')).toContain('ws://localhost:*');
    expect(directive(dev, 'default-src')).toBe("default-src 'none'");
  });

  it('is exactly the policy in renderer/index.html, minus what a meta tag ignores', () => {
    const html = readFileSync(path.join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy({ dev: false, delivery: 'meta' }));
    expect(meta).not.toContain('frame-ancestors');
  });
});
