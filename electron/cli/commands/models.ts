import { LecternError } from '../../../shared/errors.ts';
import {
  formatDownloadProgress,
  formatModelsList,
  modelsDownload,
  modelsImport,
  modelsList,
} from '../../pipeline/transcript/local/cli.ts';
import { defaultDataDir } from '../../services/dataDir.ts';
import { exitCodes, type ExitCode } from '../exitCodes.ts';

/** `lectern models list | download <name> | import <file>`: the local speech models, downloaded once then offline. */
export async function modelsCommand(options: {
  action: string | undefined;
  target: string | undefined;
  json: boolean;
}): Promise<ExitCode> {
  const dataDir = defaultDataDir();
  switch (options.action ?? 'list') {
    case 'list': {
      const listings = modelsList(dataDir);
      process.stdout.write(
        options.json ? `${JSON.stringify({ models: listings }, null, 2)}\n` : `${formatModelsList(listings)}\n`,
      );
      return exitCodes.ok;
    }
    case 'download': {
      if (!options.target)
        throw new LecternError(
          'invalid-input',
          'Name the model: lectern models download <name> (see lectern models list).',
        );
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      try {
        const tty = process.stderr.isTTY;
        const model = await modelsDownload(
          dataDir,
          options.target,
          (p) =>
            process.stderr.write(
              tty
                ? `\r\x1b[2K${formatDownloadProgress(options.target!, p)}`
                : `${formatDownloadProgress(options.target!, p)}\n`,
            ),
          controller.signal,
        );
        process.stderr.write(`${tty ? '\n' : ''}Installed ${model.name} in ${model.dir}\n`);
        return exitCodes.ok;
      } finally {
        process.off('SIGINT', stop);
      }
    }
    case 'import': {
      if (!options.target)
        throw new LecternError('invalid-input', 'Name the model archive or folder: lectern models import <file>.');
      const model = await modelsImport(dataDir, options.target);
      process.stderr.write(`Imported ${model.name} into ${model.dir}\n`);
      return exitCodes.ok;
    }
    default:
      throw new LecternError(
        'invalid-input',
        `Unknown models action "${options.action}": use list, download or import.`,
      );
  }
}
