import { describe, expect, it } from 'vitest';
import type { Contract } from '../../shared/ipc/contract.ts';
import { registerAppHandlers } from './appHandlers.ts';
import type { PathRequest } from './choosePath.ts';
import { answerRequest, type IpcHandler, type SenderFacts, type TrustedRenderer } from './ipcCore.ts';

const trusted: TrustedRenderer = { webContentsId: 1, appUrl: 'file:///app/out/renderer/index.html' };
const ourPage: SenderFacts = { webContentsId: 1, frameUrl: trusted.appUrl, isMainFrame: true };
const strangePage: SenderFacts = { webContentsId: 1, frameUrl: 'https://example.com/', isMainFrame: true };
const info = {
  versions: { app: '0.1.0', electron: '41', chrome: '140', node: '22' },
  dataDir: '/data',
  ffmpegSource: 'bundled',
};

function appRoutes(answer: string | null) {
  const requests: PathRequest[] = [];
  const routes = new Map<string, (raw: unknown, sender: SenderFacts) => Promise<unknown>>();
  registerAppHandlers(
    <C extends Contract>(contract: C, handler: IpcHandler<C>) => {
      routes.set(contract.channel, (raw, sender) => answerRequest(contract, handler, raw, sender, trusted));
    },
    info,
    {
      choosePath: async (request) => {
        requests.push(request);
        return answer;
      },
    },
  );
  return { requests, call: (channel: string, raw?: unknown, sender = ourPage) => routes.get(channel)!(raw, sender) };
}

describe('app handlers', () => {
  it('opens the folder picker where the current folder is, and answers with the choice', async () => {
    const { call, requests } = appRoutes('/home/lecturer/Clips');
    const answer = await call('app:chooseFolder', { title: 'Output folder', defaultPath: '/home/lecturer' });
    expect(answer).toEqual({ ok: true, value: { path: '/home/lecturer/Clips' } });
    expect(requests).toEqual([{ kind: 'folder', title: 'Output folder', defaultPath: '/home/lecturer' }]);
  });

  it('answers null when the picker is closed, and opens none for a stranger or a malformed request', async () => {
    const { call, requests } = appRoutes(null);
    expect(await call('app:chooseFolder', { title: 'Output folder' })).toEqual({ ok: true, value: { path: null } });
    expect(await call('app:chooseFolder', { title: 'x' }, strangePage)).toMatchObject({ ok: false });
    expect(await call('app:chooseFolder', { title: '', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(requests).toHaveLength(1);
  });
});
