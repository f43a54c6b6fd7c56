// Starts a TypeScript worker entry when Lectern runs from source (tsx, vitest); bundled builds never use this.
// Node 20 does not apply loaders to a worker's entry file: `new Worker('x.ts', { execArgv: ['--import', 'tsx'] })`
// fails with ERR_UNKNOWN_FILE_EXTENSION (nodejs/node#47747, privatenumber/tsx#354). Registering tsx from inside the
// thread, then importing the entry, works on Node 20 and later. Plain JavaScript, because nothing compiles it.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const entry = workerData?.lecternTsEntry;
if (typeof entry !== 'string') throw new Error('tsxBootstrap.mjs needs workerData.lecternTsEntry (a file URL)');
register();
await import(entry);
