import { describe, expect, expectTypeOf, it } from 'vitest';
import { appContracts } from './app.contract.ts';
import { clipsContracts } from './clips.contract.ts';
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
import { jobsContracts, jobsEvents } from './jobs.contract.ts';
import type { JobSummary } from '../domain/job.ts';

describe('the preload allowlist derived from the contracts', () => {
  it('holds exactly the contract channels', () => {
    expect([...invokeChannels].sort()).toEqual([
      'app:info',
      'clips:edit',
      'clips:list',
      'clips:render',
      'jobs:add',
      'jobs:analysis',
      'jobs:cancel',
      'jobs:get',
      'jobs:list',
      'jobs:retry',
    ]);
    expect([...eventChannels].sort()).toEqual(['jobs:progress', 'jobs:updated']);
  });

  it('includes every contract each feature file declares, once', () => {
    const declared = [
      ...Object.values(jobsContracts),
      ...Object.values(appContracts),
      ...Object.values(clipsContracts),
    ].map((c) => c.channel);
    expect(new Set(declared)).toEqual(invokeChannels);
    expect(contracts).toHaveLength(invokeChannels.size);
    expect(new Set(Object.values(jobsEvents).map((e) => e.channel))).toEqual(eventChannels);
    expect(events).toHaveLength(eventChannels.size);
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
