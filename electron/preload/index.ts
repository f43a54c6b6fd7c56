import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { createLecternApi } from './lecternApi.ts';

// Runs sandboxed (sandbox: true), so it is bundled into one CommonJS file that requires nothing but 'electron'.
const api = createLecternApi<File>({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  on(channel, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
  // Since Electron 32 a dropped File no longer carries `.path`; this is the supported way to find it on disk.
  pathForFile: (file) => webUtils.getPathForFile(file),
});

contextBridge.exposeInMainWorld('api', api);
