import { describe, expect, it, vi } from 'vitest';
import type { InvokeChannel } from '../../shared/ipc/index.ts';
import { createLecternApi, type PreloadTransport } from './lecternApi.ts';

interface FakeFile {
  name: string;
}

function fakeTransport() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const transport: PreloadTransport<FakeFile> = {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    on: vi.fn((channel: string, listener: (payload: unknown) => void) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    }),
    pathForFile: (file) => `/dropped/${file.name}`,
  };
  return { transport, listeners };
}

describe('createLecternApi', () => {
  it('passes allowlisted requests through with their one input', async () => {
    const { transport } = fakeTransport();
    const api = createLecternApi(transport);
    await expect(api.invoke('jobs:add', ['/a.mp4'])).resolves.toEqual({
      ok: true,
      value: { channel: 'jobs:add', input: ['/a.mp4'] },
    });
    await api.invoke('jobs:list');
    expect(transport.invoke).toHaveBeenLastCalledWith('jobs:list', undefined);
  });

  it('refuses channels without a contract, even ones the page makes up at run time', async () => {
    const { transport } = fakeTransport();
    const api = createLecternApi(transport);
    const invented = 'shell:openExternal' as InvokeChannel;
    await expect(api.invoke(invented)).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await expect(api.invoke('jobs:progress' as InvokeChannel)).resolves.toMatchObject({ ok: false });
    await expect(api.invoke(42 as unknown as InvokeChannel)).resolves.toMatchObject({ ok: false });
    expect(transport.invoke).not.toHaveBeenCalled();
  });

  it('resolves a failed invoke to an error instead of rejecting', async () => {
    const { transport } = fakeTransport();
    transport.invoke = () => Promise.reject(new Error("No handler registered for 'jobs:list'"));
    const result = await createLecternApi(transport).invoke('jobs:list');
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('No handler') } });
  });

  it('subscribes to allowlisted events only and returns a working unsubscribe', () => {
    const { transport, listeners } = fakeTransport();
    const api = createLecternApi(transport);
    const received: unknown[] = [];
    const stop = api.on('jobs:updated', (job) => received.push(job.id));
    listeners.get('jobs:updated')?.({ id: 4 });
    expect(received).toEqual([4]);
    stop();
    expect(listeners.has('jobs:updated')).toBe(false);
    expect(() => api.on('jobs:list' as 'jobs:updated', () => {})).toThrow(/no "jobs:list" event/);
  });

  it('finds dropped files on disk through the transport', () => {
    const { transport } = fakeTransport();
    expect(createLecternApi(transport).pathForFile({ name: 'week1.mp4' })).toBe('/dropped/week1.mp4');
  });
});
