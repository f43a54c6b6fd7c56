import { beforeEach, describe, expect, it } from 'vitest';
import type { JobSummary } from '../../shared/domain/job.ts';
import { LecternError } from '../../shared/errors.ts';
import type { Contract } from '../../shared/ipc/contract.ts';
import { jobsContracts } from '../../shared/ipc/jobs.contract.ts';
import type { AddLectureResult, JobService } from '../services/types.ts';
import { answerRequest, type IpcHandler, type SenderFacts, type TrustedRenderer } from './ipcCore.ts';
import { registerJobHandlers } from './jobHandlers.ts';

const trusted: TrustedRenderer = { webContentsId: 1, appUrl: 'file:///app/out/renderer/index.html' };
const ourPage: SenderFacts = { webContentsId: 1, frameUrl: trusted.appUrl, isMainFrame: true };

function job(id: number, overrides: Partial<JobSummary> = {}): JobSummary {
  return {
    id,
    sourcePath: `/lectures/week${id}.mp4`,
    sourceName: `week${id}.mp4`,
    status: 'queued',
    stage: null,
    progress: 0,
    error: null,
    media: null,
    outputDir: `/output/week${id}`,
    createdAt: 1_700_000_000_000 + id,
    updatedAt: 1_700_000_000_000 + id,
    finishedAt: null,
    stages: [],
    ...overrides,
  };
}

/** Records every call; `get`, `cancel`, `retry` know only jobs 1 and 2, like a queue with two lectures. */
function fakeJobService() {
  const calls: string[] = [];
  const known = new Map([1, 2].map((id) => [id, job(id)]));
  function find(id: number): JobSummary {
    const found = known.get(id);
    if (!found) throw new LecternError('job-not-found', `There is no job ${id}.`);
    return found;
  }
  const service: JobService = {
    list: () => {
      calls.push('list');
      return [...known.values()];
    },
    get: (id) => {
      calls.push(`get ${id}`);
      return find(id);
    },
    add: async (paths) => {
      calls.push(`add ${paths.join(',')}`);
      return paths.map((path, index): AddLectureResult =>
        path.endsWith('.pdf')
          ? { path, job: null, error: { code: 'not-media', message: `${path} is not a recording.` } }
          : { path, job: job(10 + index, { sourcePath: path }), error: null },
      );
    },
    cancel: (id) => {
      calls.push(`cancel ${id}`);
      return { ...find(id), status: 'cancelled' };
    },
    retry: (id) => {
      calls.push(`retry ${id}`);
      return { ...find(id), status: 'queued' };
    },
    onProgress: () => () => {},
    onJobUpdated: () => () => {},
  };
  return { service, calls };
}

type Route = (raw: unknown, sender?: SenderFacts) => Promise<unknown>;

/** The same path a request takes in the app, minus Electron: registerJobHandlers → answerRequest. */
function routesFor(service: JobService): Map<string, Route> {
  const routes = new Map<string, Route>();
  registerJobHandlers(<C extends Contract>(contract: C, handler: IpcHandler<C>) => {
    routes.set(contract.channel, (raw, sender = ourPage) => answerRequest(contract, handler, raw, sender, trusted));
  }, service);
  return routes;
}

describe('registerJobHandlers', () => {
  let fake: ReturnType<typeof fakeJobService>;
  let routes: Map<string, Route>;
  const call = (channel: string, raw?: unknown, sender?: SenderFacts) => {
    const route = routes.get(channel);
    if (!route) throw new Error(`no handler for ${channel}`);
    return route(raw, sender);
  };

  beforeEach(() => {
    fake = fakeJobService();
    routes = routesFor(fake.service);
  });

  it('answers every jobs contract and nothing else', () => {
    expect([...routes.keys()].sort()).toEqual(
      Object.values(jobsContracts)
        .map((c) => c.channel)
        .sort(),
    );
  });

  it('lists and gets jobs', async () => {
    await expect(call('jobs:list')).resolves.toEqual({ ok: true, value: [job(1), job(2)] });
    await expect(call('jobs:get', { id: 2 })).resolves.toEqual({ ok: true, value: job(2) });
    expect(fake.calls).toEqual(['list', 'get 2']);
  });

  it('adds lectures and passes each refusal through with its reason', async () => {
    const result = await call('jobs:add', ['/lectures/week1.mp4', '/lectures/slides.pdf']);
    expect(result).toEqual({
      ok: true,
      value: [
        { path: '/lectures/week1.mp4', job: job(10, { sourcePath: '/lectures/week1.mp4' }), error: null },
        {
          path: '/lectures/slides.pdf',
          job: null,
          error: { code: 'not-media', message: '/lectures/slides.pdf is not a recording.' },
        },
      ],
    });
  });

  it('cancels and retries', async () => {
    await expect(call('jobs:cancel', { id: 1 })).resolves.toMatchObject({
      ok: true,
      value: { id: 1, status: 'cancelled' },
    });
    await expect(call('jobs:retry', { id: 1 })).resolves.toMatchObject({
      ok: true,
      value: { id: 1, status: 'queued' },
    });
    expect(fake.calls).toEqual(['cancel 1', 'retry 1']);
  });

  it("returns the service's error as { code, message }", async () => {
    await expect(call('jobs:cancel', { id: 99 })).resolves.toEqual({
      ok: false,
      error: { code: 'job-not-found', message: 'There is no job 99.' },
    });
  });

  it.each([
    ['jobs:add', ['week1.mp4']],
    ['jobs:add', '/lectures/week1.mp4'],
    ['jobs:add', []],
    ['jobs:add', [null]],
    ['jobs:get', { id: '1' }],
    ['jobs:get', { id: -1 }],
    ['jobs:get', { id: 1.5 }],
    ['jobs:get', 1],
    ['jobs:cancel', { id: 1, force: true }],
    ['jobs:retry', undefined],
    ['jobs:list', { all: true }],
  ])('refuses malformed %s input %j without calling the service', async (channel, raw) => {
    const result = await call(channel, raw);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(fake.calls).toEqual([]);
  });

  it.each<[string, SenderFacts]>([
    ['another window', { ...ourPage, webContentsId: 2 }],
    ['an iframe', { ...ourPage, isMainFrame: false }],
    ['a page that navigated away', { ...ourPage, frameUrl: 'https://example.com/' }],
    ['a destroyed frame', { ...ourPage, frameUrl: null }],
  ])('refuses requests from %s without calling the service', async (_who, sender) => {
    for (const channel of routes.keys()) {
      await expect(call(channel, { id: 1 }, sender)).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    await expect(call('jobs:add', ['/lectures/week1.mp4'], sender)).resolves.toMatchObject({ ok: false });
    expect(fake.calls).toEqual([]);
  });
});
