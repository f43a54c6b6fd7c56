import type { ContractOutput } from '../../shared/ipc/contract.ts';
import { jobsContracts } from '../../shared/ipc/jobs.contract.ts';
import type { AddLectureResult, JobService } from '../services/types.ts';
import type { RegisterHandler } from './ipcCore.ts';

// If the service's result and the contract drift apart, this line stops compiling rather than the UI misreading it.
const addResultsMatchContract: (results: AddLectureResult[]) => ContractOutput<typeof jobsContracts.add> = (results) =>
  results;

/** The queue's requests, each a straight call into the JobService: no logic here that a test would miss. */
export function registerJobHandlers(register: RegisterHandler, jobs: JobService): void {
  register(jobsContracts.list, () => jobs.list());
  register(jobsContracts.get, ({ id }) => jobs.get(id));
  register(jobsContracts.add, async (paths) => addResultsMatchContract(await jobs.add(paths)));
  register(jobsContracts.cancel, ({ id }) => jobs.cancel(id));
  register(jobsContracts.retry, ({ id }) => jobs.retry(id));
}
