import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { lectureExtensions } from '../../shared/domain/media.ts';
import { toAppError } from '../../shared/errors.ts';
import type { JobService } from '../services/types.ts';
import { describeRefusals } from './lectureRefusals.ts';

/** File ▸ Open Lecture…: the native picker, then the same queue the drop zone feeds. */
export async function openLectureFromMenu(window: BrowserWindow | null, jobs: JobService): Promise<void> {
  const options: OpenDialogOptions = {
    title: 'Open lecture recordings',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Lecture recordings', extensions: [...lectureExtensions] }],
  };
  try {
    const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    if (choice.canceled || choice.filePaths.length === 0) return;
    const refused = describeRefusals(await jobs.add(choice.filePaths));
    if (refused) {
      await dialog.showMessageBox({ type: 'warning', message: 'Some files were not added', detail: refused });
    }
  } catch (error) {
    dialog.showErrorBox('Lectern could not add the lecture', toAppError(error).message);
  }
}
