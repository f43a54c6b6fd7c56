import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withPolicyMeta } from './contentSecurityPolicy.ts';

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

describe('the policy with an institution’s Clerk sign-in', () => {
  const clerk = 'https://clerk.example.edu';
  const withClerk = contentSecurityPolicy({ dev: false, delivery: 'header', clerkFrontendApi: clerk });

  it('allows exactly Clerk’s Frontend API, its bot check, images, workers and inline styles', () => {
    expect(directive(withClerk, 'script-src')).toBe(`script-src 'self' ${clerk} https://challenges.cloudflare.com`);
    expect(directive(withClerk, 'connect-src')).toBe(`connect-src 'self' lectern-media: ${clerk}`);
    expect(directive(withClerk, 'img-src')).toContain('https://img.clerk.com');
    expect(directive(withClerk, 'worker-src')).toBe("worker-src 'self' blob:");
    expect(directive(withClerk, 'frame-src')).toBe('frame-src https://challenges.cloudflare.com');
    expect(directive(withClerk, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
  });

  it('allows none of it without a key', () => {
    const without = [
      contentSecurityPolicy({ dev: false, delivery: 'header' }),
      contentSecurityPolicy({ dev: false, delivery: 'meta', clerkFrontendApi: null }),
    ];
    for (const policy of without) {
      expect(policy).not.toMatch(/clerk|cloudflare|blob:|frame-src|worker-src/);
    }
  });

  it('rewrites index.html’s meta policy, since a page enforces the meta policy as well as the header', () => {
    const html = readFileSync(path.join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = contentSecurityPolicy({ dev: false, delivery: 'meta', clerkFrontendApi: clerk });
    const rewritten = withPolicyMeta(html, meta);
    expect(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(rewritten)?.[1]).toBe(meta);
    expect(rewritten.replace(meta, '')).toBe(html.replace(contentSecurityPolicy({ dev: false, delivery: 'meta' }), ''));
    expect(() => withPolicyMeta('<html></html>', meta)).toThrow(/no Content-Security-Policy meta/);
  });
});
