/// <reference types="vite/client" />
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  contracts,
  eventChannels,
  events,
  invokeChannels,
  isEventChannel,
  isInvokeChannel,
  type InvokeArgs,
  type LecternApi,
} from './index.ts';
import { jobsContracts } from './jobs.contract.ts';
import type { JobSummary } from '../domain/job.ts';

describe('the preload allowlist derived from the contracts', () => {
  // Every feature's contract file, found on disk: a file someone forgot to add to index.ts fails here.
  const featureFiles = import.meta.glob<Record<string, Record<string, { channel: string }>>>('./*.contract.ts', {
    eager: true,
  });
  const declared = (suffix: 'Contracts' | 'Events') =>
    Object.values(featureFiles).flatMap((module) =>
      Object.entries(module)
        .filter(([name]) => name.endsWith(suffix))
        .flatMap(([, group]) => Object.values(group).map((c) => c.channel)),
    );

  it('holds exactly the channels the feature files declare, each once', () => {
    expect(Object.keys(featureFiles).length).toBeGreaterThanOrEqual(4);
    expect(new Set(declared('Contracts'))).toEqual(invokeChannels);
    expect(contracts).toHaveLength(invokeChannels.size);
    expect(new Set(declared('Events'))).toEqual(eventChannels);
    expect(events).toHaveLength(eventChannels.size);
  });

  it('names every channel feature:action', () => {
    for (const channel of [...invokeChannels, ...eventChannels]) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    expect([...invokeChannels]).toEqual(expect.arrayContaining(['jobs:add', 'clips:edit', 'settings:update']));
  });

  it('does not confuse requests with events or let anything else through', () => {
    expect(isInvokeChannel('jobs:add')).toBe(true);
    expect(isInvokeChannel('jobs:progress')).toBe(false);
    expect(isEventChannel('jobs:progress')).toBe(true);
    expect(isEventChannel('jobs:add')).toBe(false);
    expect(isInvokeChannel('shell:openExternal')).toBe(false);
    expect(isInvokeChannel('')).toBe(false);
  });
});

describe('jobs:add input', () => {
  const input = jobsContracts.add.input;

  it('accepts absolute POSIX and Windows paths', () => {
    expect(
      input.safeParse(['/home/ana/lecture.mp4', 'C:\\Lectures\\week1.mkv', '\\\\server\\share\\a.mov']).success,
    ).toBe(true);
  });

  it('refuses relative paths, NUL bytes, an empty list and non-strings', () => {
    expect(input.safeParse(['lecture.mp4']).success).toBe(false);
    expect(input.safeParse(['/tmp/a\0.mp4']).success).toBe(false);
    expect(input.safeParse([]).success).toBe(false);
    expect(input.safeParse([42]).success).toBe(false);
    expect(input.safeParse('/tmp/a.mp4').success).toBe(false);
  });
});

describe('LecternApi types', () => {
  it('takes no argument for void inputs and the contract input otherwise', () => {
    expectTypeOf<InvokeArgs<'jobs:list'>>().toEqualTypeOf<[input?: void | undefined]>();
    expectTypeOf<InvokeArgs<'jobs:add'>>().toEqualTypeOf<[input: string[]]>();
    expectTypeOf<InvokeArgs<'jobs:cancel'>>().toEqualTypeOf<[input: { id: number }]>();
    const api = {} as LecternApi;
    expectTypeOf(api.on<'jobs:updated'>)
      .parameter(1)
      .parameter(0)
      .toEqualTypeOf<JobSummary>();
  });
});
