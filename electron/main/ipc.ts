import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Contract } from '../../shared/ipc/contract.ts';
import { answerRequest, isTrustedSender, type IpcHandler, type SenderFacts, type TrustedRenderer } from './ipcCore.ts';

/**
 * The renderer every handler answers. Until a window is trusted every request is refused, so a handler registered
 * early can never answer a page we did not load.
 */
let trusted: TrustedRenderer | null = null;

export function trustRenderer(webContents: WebContents, appUrl: string): void {
  trusted = { webContentsId: webContents.id, appUrl };
}

function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null,
  };
}

/** The only place that talks to `ipcMain`: every channel gets the sender check, input parsing and error mapping. */
export function handle<C extends Contract>(contract: C, handler: IpcHandler<C>): void {
  ipcMain.handle(contract.channel, async (event, raw: unknown) => {
    const sender = senderFacts(event);
    if (!isTrustedSender(sender, trusted)) {
      console.warn(`[ipc] refused "${contract.channel}" from ${sender.frameUrl ?? 'a detached frame'}`);
    }
    return answerRequest(contract, handler, raw, sender, trusted);
  });
}
