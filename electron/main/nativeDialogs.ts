import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { ChoosePath } from './choosePath.ts';

/** The OS picker, attached to the window when there is one so it opens as that window's sheet (macOS). */
export function nativeChoosePath(currentWindow: () => BrowserWindow | null): ChoosePath {
  return async (request) => {
    const options: OpenDialogOptions = {
      title: request.title,
      defaultPath: request.defaultPath ?? undefined,
      properties: request.kind === 'folder' ? ['openDirectory', 'createDirectory'] : ['openFile'],
      filters: request.filters,
    };
    const window = currentWindow();
    const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  };
}
