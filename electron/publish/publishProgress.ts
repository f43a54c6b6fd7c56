import type {
  PublicationStatus,
  PublishFileProgress,
  PublishFileState,
  PublishProgress,
} from '../../shared/domain/publish.ts';
import type { PlannedObject } from './publishPlan.ts';

/** How often byte counts are sent at most; state changes (a file done, failed) are sent at once. */
const intervalMs = 100;

/** The per-file and total progress of one publication, sent to `emit` throttled. */
export function createPublishProgress(
  ids: { jobId: number; publicationId: number },
  planned: readonly PlannedObject[],
  emit: (progress: PublishProgress) => void,
) {
  const files: PublishFileProgress[] = planned.map((object) => ({
    key: object.key,
    kind: object.kind,
    clipId: object.clipId,
    size: object.size,
    sentBytes: 0,
    state: 'waiting',
  }));
  let status: PublicationStatus = 'uploading';
  let lastSent = 0;
  let pending: NodeJS.Timeout | null = null;

  const snapshot = (): PublishProgress => ({
    ...ids,
    status,
    files: files.map((file) => ({ ...file })),
    sentBytes: files.reduce((sum, file) => sum + file.sentBytes, 0),
    totalBytes: files.reduce((sum, file) => sum + file.size, 0),
  });
  const send = () => {
    if (pending) clearTimeout(pending);
    pending = null;
    lastSent = Date.now();
    emit(snapshot());
  };
  const sendSoon = () => {
    if (pending) return;
    const wait = intervalMs - (Date.now() - lastSent);
    if (wait <= 0) send();
    else pending = setTimeout(send, wait);
  };

  return {
    state(index: number, state: PublishFileState) {
      const file = files[index]!;
      file.state = state;
      if (state === 'uploaded' || state === 'unchanged') file.sentBytes = file.size;
      send();
    },
    sent(index: number, bytes: number) {
      files[index]!.sentBytes = Math.min(bytes, files[index]!.size);
      sendSoon();
    },
    /** A part the store confirmed: parts are megabytes apart, so these are few, and each is shown. */
    confirmed(index: number, bytes: number) {
      files[index]!.sentBytes = Math.min(bytes, files[index]!.size);
      send();
    },
    finish(final: PublicationStatus) {
      status = final;
      send();
    },
    snapshot,
  };
}
