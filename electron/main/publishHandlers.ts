import { publishContracts, publishEvents } from '../../shared/ipc/publish.contract.ts';
import type { Publisher } from '../publish/publisher.ts';
import { sendEvent, type EventTarget } from './events.ts';
import type { RegisterHandler } from './ipcCore.ts';

/** The publish panel's and the S3 settings section's requests: straight calls into the publisher. */
export function registerPublishHandlers(register: RegisterHandler, publisher: Publisher): void {
  register(publishContracts.start, ({ jobId }) => publisher.publish(jobId));
  register(publishContracts.cancel, ({ jobId }) => ({ cancelled: publisher.cancel(jobId) }));
  register(publishContracts.status, ({ jobId }) => publisher.status(jobId));
  register(publishContracts.test, ({ s3 }) => publisher.testConnection(s3));
}

/** Pushes publishing progress to whichever window is open now; returns the function that stops forwarding. */
export function forwardPublishEvents(publisher: Publisher, currentTarget: () => EventTarget | null): () => void {
  return publisher.onProgress((progress) => sendEvent(currentTarget(), publishEvents.progress, progress));
}
