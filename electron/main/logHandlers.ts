import { logContracts } from '../../shared/ipc/log.contract.ts';
import { processingLogFor } from '../db/jobsRepo.ts';
import type { LecternDb } from '../db/open.ts';
import type { RegisterHandler } from './ipcCore.ts';

/** A job's processing log, oldest first: the notes the job view shows (fallbacks, what was used). */
export function registerLogHandlers(register: RegisterHandler, db: LecternDb): void {
  register(logContracts.forJob, ({ jobId }) =>
    processingLogFor(db, jobId).map(({ id, stage, level, message, at }) => ({ id, stage, level, message, at })),
  );
}
