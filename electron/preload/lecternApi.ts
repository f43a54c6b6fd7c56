import type { AppError } from '../../shared/errors.ts';
import {
  isEventChannel,
  isInvokeChannel,
  type ContractFor,
  type ContractOutput,
  type EventChannel,
  type EventFor,
  type EventPayload,
  type InvokeArgs,
  type InvokeChannel,
  type IpcResult,
  type LecternApi,
  mediaScheme,
} from '../../shared/ipc/index.ts';

/** What the preload needs from Electron, so the allowlist logic is tested without it. */
export interface PreloadTransport<DroppedFile> {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Delivers only the payload: the IpcRendererEvent (and the ipcRenderer behind it) never reaches the page. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
  pathForFile(file: DroppedFile): string;
}

function failure(error: AppError): { ok: false; error: AppError } {
  return { ok: false, error };
}

/**
 * `window.api`: one generic `invoke` and `on`, each refusing any channel that has no contract in shared/ipc.
 * The page is treated as untrusted, so even a channel name it invents at run time goes nowhere.
 */
export function createLecternApi<DroppedFile>(transport: PreloadTransport<DroppedFile>): LecternApi<DroppedFile> {
  async function invoke<Channel extends InvokeChannel>(
    channel: Channel,
    ...args: InvokeArgs<Channel>
  ): Promise<IpcResult<ContractOutput<ContractFor<Channel>>>> {
    if (typeof channel !== 'string' || !isInvokeChannel(channel)) {
      return failure({ code: 'invalid-input', message: `Lectern has no "${String(channel)}" request.` });
    }
    try {
      // The main process answers every allowlisted channel with an IpcResult (electron/main/ipc.ts).
      return (await transport.invoke(channel, args[0])) as IpcResult<ContractOutput<ContractFor<Channel>>>;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return failure({ code: 'internal', message: `Lectern's window lost touch with the app: ${reason}` });
    }
  }

  function on<Channel extends EventChannel>(
    channel: Channel,
    listener: (payload: EventPayload<EventFor<Channel>>) => void,
  ): () => void {
    if (typeof channel !== 'string' || !isEventChannel(channel)) {
      throw new Error(`Lectern has no "${String(channel)}" event.`);
    }
    return transport.on(channel, (payload) => listener(payload as EventPayload<EventFor<Channel>>));
  }

  return { invoke, on, pathForFile: (file) => transport.pathForFile(file), mediaBase: `${mediaScheme}://` };
}
