import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { LecternError } from '../../shared/errors.ts';
import { defineContract } from '../../shared/ipc/contract.ts';
import {
  answerRequest,
  isAppUrl,
  isTrustedSender,
  parseInput,
  type SenderFacts,
  type TrustedRenderer,
} from './ipcCore.ts';

const packaged: TrustedRenderer = {
  webContentsId: 7,
  appUrl: 'file:///opt/Lectern/resources/app/out/renderer/index.html',
};
const dev: TrustedRenderer = { webContentsId: 7, appUrl: 'http://localhost:5173/' };
const ourPage: SenderFacts = { webContentsId: 7, frameUrl: packaged.appUrl, isMainFrame: true };

const rename = defineContract({
  channel: 'test:rename',
  input: z.strictObject({ id: z.number().int().positive(), name: z.string().min(1) }),
  output: z.string(),
});

describe('isAppUrl', () => {
  it('accepts our index.html, with or without a hash or query', () => {
    expect(isAppUrl(packaged.appUrl, packaged.appUrl)).toBe(true);
    expect(isAppUrl(`${packaged.appUrl}#/jobs/3`, packaged.appUrl)).toBe(true);
    expect(isAppUrl(`${packaged.appUrl}?tab=queue`, packaged.appUrl)).toBe(true);
  });

  it('refuses any other local file, even one beside ours', () => {
    expect(isAppUrl('file:///opt/Lectern/resources/app/out/renderer/other.html', packaged.appUrl)).toBe(false);
    expect(isAppUrl('file:///home/ana/Downloads/lecture.html', packaged.appUrl)).toBe(false);
    expect(isAppUrl('file:///home/ana/lecture.mp4', packaged.appUrl)).toBe(false);
  });

  it('accepts the dev server origin and nothing else', () => {
    expect(isAppUrl('http://localhost:5173/', dev.appUrl)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev.appUrl)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev.appUrl)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev.appUrl)).toBe(false);
    expect(isAppUrl('https://example.com/', dev.appUrl)).toBe(false);
    expect(isAppUrl('file:///opt/Lectern/resources/app/out/renderer/index.html', dev.appUrl)).toBe(false);
  });

  it('refuses what is not a URL and other schemes', () => {
    expect(isAppUrl('not a url', packaged.appUrl)).toBe(false);
    expect(isAppUrl('devtools://devtools/bundled/inspector.html', packaged.appUrl)).toBe(false);
    expect(isAppUrl('data:text/html,<h1>hi</h1>', packaged.appUrl)).toBe(false);
    expect(isAppUrl(packaged.appUrl, 'about:blank')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts our window top frame showing our app', () => {
    expect(isTrustedSender(ourPage, packaged)).toBe(true);
  });

  it('refuses another window, an iframe, a detached frame, a foreign page, and everyone before a window is trusted', () => {
    expect(isTrustedSender({ ...ourPage, webContentsId: 8 }, packaged)).toBe(false);
    expect(isTrustedSender({ ...ourPage, isMainFrame: false }, packaged)).toBe(false);
    expect(isTrustedSender({ ...ourPage, frameUrl: null }, packaged)).toBe(false);
    expect(isTrustedSender({ ...ourPage, frameUrl: 'https://example.com/' }, packaged)).toBe(false);
    expect(isTrustedSender(ourPage, null)).toBe(false);
  });
});

describe('parseInput', () => {
  it('returns the parsed input', () => {
    expect(parseInput(rename, { id: 3, name: 'Week 1' })).toEqual({ ok: true, value: { id: 3, name: 'Week 1' } });
  });

  it('refuses malformed input with invalid-input, naming the channel and the field', () => {
    const result = parseInput(rename, { id: 'three', name: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toContain('"test:rename"');
    expect(result.error.message).toContain('id');
    expect(result.error.message).toContain('name');
  });

  it('refuses extra fields and missing input', () => {
    expect(parseInput(rename, { id: 3, name: 'x', admin: true }).ok).toBe(false);
    expect(parseInput(rename, undefined).ok).toBe(false);
  });
});

describe('answerRequest', () => {
  it('runs the handler with the parsed input and wraps its answer', async () => {
    const handler = vi.fn(({ id, name }: { id: number; name: string }) => `${id}:${name}`);
    await expect(answerRequest(rename, handler, { id: 3, name: 'Week 1' }, ourPage, packaged)).resolves.toEqual({
      ok: true,
      value: '3:Week 1',
    });
    expect(handler).toHaveBeenCalledWith({ id: 3, name: 'Week 1' });
  });

  it('awaits async handlers', async () => {
    const result = await answerRequest(
      rename,
      async ({ name }) => name.toUpperCase(),
      { id: 1, name: 'a' },
      ourPage,
      packaged,
    );
    expect(result).toEqual({ ok: true, value: 'A' });
  });

  it('never runs the handler for a stranger', async () => {
    const handler = vi.fn(() => 'ran');
    const result = await answerRequest(
      rename,
      handler,
      { id: 3, name: 'x' },
      { ...ourPage, isMainFrame: false },
      packaged,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('not Lectern') },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('never runs the handler on malformed input', async () => {
    const handler = vi.fn(() => 'ran');
    const result = await answerRequest(rename, handler, ['not', 'an', 'object'], ourPage, packaged);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-input');
    expect(handler).not.toHaveBeenCalled();
  });

  it("keeps a LecternError's code and words", async () => {
    const result = await answerRequest(
      rename,
      () => {
        throw new LecternError('job-not-found', 'There is no job 3. It may have been removed.');
      },
      { id: 3, name: 'x' },
      ourPage,
      packaged,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'job-not-found', message: 'There is no job 3. It may have been removed.' },
    });
  });

  it('turns anything else thrown, sync or async, into an internal error with only code and message', async () => {
    const thrown = await answerRequest(
      rename,
      () => {
        throw new TypeError('boom');
      },
      { id: 1, name: 'x' },
      ourPage,
      packaged,
    );
    const rejected = await answerRequest(
      rename,
      () => Promise.reject(new Error('disk said no')),
      { id: 1, name: 'x' },
      ourPage,
      packaged,
    );
    expect(thrown).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('boom') } });
    expect(rejected).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('disk said no') },
    });
    expect(!thrown.ok && Object.keys(thrown.error).sort()).toEqual(['code', 'message']);
  });
});
