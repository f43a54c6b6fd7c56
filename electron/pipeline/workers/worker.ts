import { parentPort } from 'node:worker_threads';
import { serveTasks } from './serve.ts';
import { tasks } from './tasks.ts';

// The worker thread's entry: bundled to out/main/worker.js, or run from source through tsxBootstrap.mjs.
if (!parentPort) throw new Error('worker.ts runs inside a worker thread; start it with createWorkerPool().');
serveTasks(parentPort, tasks);
