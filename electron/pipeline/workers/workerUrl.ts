import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the worker thread's entry is. Bundled, electron-vite emits `worker.js` beside the main bundle, so that
 * wins; from source (tsx, vitest) the entry is `worker.ts` next to this file.
 */
export function defaultWorkerUrl(): URL {
  const bundled = besideThisModule('worker.js');
  if (existsSync(fileURLToPath(bundled))) return bundled;
  const source = besideThisModule('worker.ts');
  if (existsSync(fileURLToPath(source))) return source;
  throw new Error(
    `Lectern's worker entry is missing: expected ${fileURLToPath(bundled)} beside the main bundle ` +
      '(is the worker entry in the electron-vite build config?) or worker.ts when running from source.',
  );
}

export interface WorkerStart {
  /** What `new Worker()` loads. */
  filename: URL;
  workerData?: { lecternTsEntry: string };
}

/** A `.ts` entry goes through tsxBootstrap.mjs, because Node 20 cannot start a worker from TypeScript directly. */
export function workerStart(workerUrl: URL): WorkerStart {
  if (!workerUrl.pathname.endsWith('.ts')) return { filename: workerUrl };
  return { filename: besideThisModule('tsxBootstrap.mjs'), workerData: { lecternTsEntry: workerUrl.href } };
}

/**
 * Resolved at run time from a parameter, not written as `new URL('literal', import.meta.url)`: Vite turns that
 * literal form into an emitted asset in client builds, which would copy .ts sources into the bundle. The main
 * (SSR) build leaves both forms alone today; this keeps it so if the build config changes.
 */
function besideThisModule(fileName: string): URL {
  return new URL(fileName, import.meta.url);
}
