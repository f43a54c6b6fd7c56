import type { EventContract, EventPayload } from '../../shared/ipc/contract.ts';
import { jobsEvents } from '../../shared/ipc/jobs.contract.ts';
import { modelsEvents } from '../../shared/ipc/models.contract.ts';
import { settingsEvents } from '../../shared/ipc/settings.contract.ts';
import type { SettingsStore } from '../settings/settingsStore.ts';
import type { ModelService } from '../services/modelService.ts';
import type { JobService } from '../services/types.ts';

/** The slice of WebContents an event needs; a window that closed simply stops receiving. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export function sendEvent<E extends EventContract>(
  target: EventTarget | null,
  event: E,
  payload: EventPayload<E>,
): void {
  if (target && !target.isDestroyed()) target.send(event.channel, payload);
}

/**
 * Pushes queue changes to whichever window is open now (`currentTarget` is asked on every event, so a window
 * re-created on macOS keeps receiving). Returns the function that stops forwarding.
 */
export function forwardJobEvents(jobs: JobService, currentTarget: () => EventTarget | null): () => void {
  const stopProgress = jobs.onProgress((progress) => sendEvent(currentTarget(), jobsEvents.progress, progress));
  const stopUpdates = jobs.onJobUpdated((job) => sendEvent(currentTarget(), jobsEvents.updated, job));
  return () => {
    stopProgress();
    stopUpdates();
  };
}

/** Keeps every open screen showing the settings in force, whoever changed them. */
export function forwardSettingsEvents(settings: SettingsStore, currentTarget: () => EventTarget | null): () => void {
  return settings.onChange((next) => sendEvent(currentTarget(), settingsEvents.changed, next));
}

/** Download progress and the model list after any change, for Settings ▸ Speech models. */
export function forwardModelEvents(models: ModelService, currentTarget: () => EventTarget | null): () => void {
  const stopProgress = models.onProgress((progress) => sendEvent(currentTarget(), modelsEvents.progress, progress));
  const stopChanges = models.onChange((list) => sendEvent(currentTarget(), modelsEvents.changed, list));
  return () => {
    stopProgress();
    stopChanges();
  };
}
