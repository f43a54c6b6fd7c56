import type { S3Settings, SecretName } from '../../../shared/domain/appSettings.ts';
import type { ConnectionCheck } from '../../../shared/domain/publish.ts';
import type { AppError } from '../../../shared/errors.ts';
import type { LecternApi, SecretStatus } from '../../../shared/ipc/index.ts';
import { usePublishStore } from '../stores/publishStore.ts';
import { lecternApi } from './api.ts';

/** Publishing progress flows into the publish store; returns the disposer for unmount. */
export function subscribeToPublishing(api: LecternApi<File> = lecternApi(), store = usePublishStore): () => void {
  return api.on('publish:progress', store.getState().receiveProgress);
}

export async function loadPublication(jobId: number): Promise<void> {
  const result = await lecternApi().invoke('publish:status', { jobId });
  const { update } = usePublishStore.getState();
  if (result.ok) update(jobId, { publication: result.value });
  else update(jobId, { error: result.error });
}

/** Publishes (or resumes publishing) the job; the store follows progress, then holds the links or the error. */
export async function publishJob(jobId: number): Promise<void> {
  const { update } = usePublishStore.getState();
  update(jobId, { busy: true, error: null, progress: null });
  const result = await lecternApi().invoke('publish:start', { jobId });
  if (result.ok) update(jobId, { busy: false, publication: result.value });
  else {
    update(jobId, { busy: false, error: result.error });
    await loadPublication(jobId);
  }
}

export async function cancelPublishing(jobId: number): Promise<void> {
  await lecternApi().invoke('publish:cancel', { jobId });
}

/** Copies a share link; false when the system refused (the panel then shows the link to copy by hand). */
export async function copyLink(url: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(url);
    return true;
  } catch {
    return false;
  }
}

export interface S3Setup {
  s3: S3Settings | null;
  secrets: SecretStatus;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

export async function loadS3Setup(): Promise<Outcome<S3Setup>> {
  const api = lecternApi();
  const [settings, secrets] = await Promise.all([api.invoke('settings:get'), api.invoke('secrets:status')]);
  if (!settings.ok) return settings;
  if (!secrets.ok) return secrets;
  return { ok: true, value: { s3: settings.value.s3, secrets: secrets.value } };
}

/**
 * Saves the bucket settings and any credential typed in (blank fields keep what is stored); answers what is in
 * force now. Credentials go to the keychain through `secrets:set`, never into settings.
 */
export async function saveS3Setup(
  s3: S3Settings,
  credentials: Partial<Record<SecretName, string>>,
): Promise<Outcome<S3Setup>> {
  const api = lecternApi();
  for (const [name, value] of Object.entries(credentials) as [SecretName, string][]) {
    if (!value.trim()) continue;
    const stored = await api.invoke('secrets:set', { name, value });
    if (!stored.ok) return stored;
  }
  const saved = await api.invoke('settings:update', { s3 });
  if (!saved.ok) return saved;
  return loadS3Setup();
}

export function testS3Connection(s3: S3Settings): Promise<Outcome<ConnectionCheck>> {
  return lecternApi().invoke('publish:test', { s3 });
}
