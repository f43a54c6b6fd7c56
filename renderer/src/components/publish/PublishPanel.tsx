import { useEffect, useState } from 'react';
import type { S3Settings as S3SettingsValue } from '../../../../shared/domain/appSettings.ts';
import type { ClipSummary } from '../../../../shared/domain/clip.ts';
import type { JobSummary } from '../../../../shared/domain/job.ts';
import type { AppError, ErrorCode } from '../../../../shared/errors.ts';
import {
  cancelPublishing,
  loadPublication,
  loadS3Setup,
  publishJob,
  subscribeToPublishing,
} from '../../ipc/publishCommands.ts';
import { PublishSignInNotice } from '../../auth/PublishSignInNotice.tsx';
import { useSignInRequirement } from '../../auth/useSignInRequirement.ts';
import { useJobPublishing } from '../../stores/publishStore.ts';
import { PublishedLinks } from './PublishedLinks.tsx';
import { PublishProgressView } from './PublishProgressView.tsx';
import { S3Settings } from './S3Settings.tsx';
import './publish.css';

/** What to do next, beside the message from the main process (which says what happened and where). */
const nextSteps: Partial<Record<ErrorCode, string>> = {
  's3-not-configured': 'Open “Publishing settings” below and choose a bucket.',
  's3-access-denied': 'Check the access key ID and secret in “Publishing settings” below.',
  's3-bucket-missing': 'Check the bucket name and region in “Publishing settings” below.',
  's3-unreachable': 'When the connection is back, press Publish again: it continues where it stopped.',
  'sign-in-required': 'Sign in, then press Publish again.',
  cancelled: 'Press Publish to continue; finished files are not sent again.',
};

function PublishError({ error }: { error: AppError }) {
  return (
    <div role="alert" className="publish__error">
      <p>{error.message}</p>
      {nextSteps[error.code] && <p>{nextSteps[error.code]}</p>}
    </div>
  );
}

/** The job view's publishing section: publish to S3, follow progress, cancel, copy share links. */
export function PublishPanel({ job, clips }: { job: JobSummary; clips: ClipSummary[] }) {
  const publishing = useJobPublishing(job.id);
  const signIn = useSignInRequirement();
  const [configured, setConfigured] = useState<boolean | null>(null);
  // Opens itself when publishing is not set up; afterwards the lecturer opens and closes it.
  const [settingsOpen, setSettingsOpen] = useState(false);

  useEffect(() => subscribeToPublishing(), []);
  useEffect(() => {
    void loadPublication(job.id);
    void loadS3Setup().then((setup) => {
      const ready = setup.ok && setup.value.s3 !== null;
      setConfigured(ready);
      if (!ready) setSettingsOpen(true);
    });
  }, [job.id]);

  const rendered = clips.filter((clip) => clip.state === 'rendered').length;
  const jobBusy = job.status === 'queued' || job.status === 'running';
  const why = jobBusy
    ? 'Wait for the lecture to finish processing.'
    : rendered === 0
      ? 'Render the clips first.'
      : configured === false
        ? 'Set up publishing first.'
        : !signIn.allowed && signIn.status !== 'checking'
          ? 'Sign in first.'
          : undefined;
  const { busy, progress, publication, error } = publishing;
  const running = busy || progress?.status === 'uploading';
  const onSaved = (s3: S3SettingsValue | null) => setConfigured(s3 !== null);

  return (
    <section className="job-view__part publish" aria-labelledby="publish-title">
      <h3 id="publish-title">Publish</h3>
      <PublishSignInNotice />
      {configured === false && (
        <p className="publish__unconfigured">
          Publishing is not set up yet: Lectern needs the S3 bucket your institution uses, and credentials for it. Fill
          in “Publishing settings” below (or in Settings).
        </p>
      )}
      <div className="publish__actions">
        <button
          type="button"
          disabled={running || why !== undefined}
          title={why}
          onClick={() => void publishJob(job.id)}
        >
          {publication && publication.status !== 'complete' ? 'Publish (continue)' : 'Publish to S3'}
        </button>
        {running && (
          <button type="button" className="button--quiet" onClick={() => void cancelPublishing(job.id)}>
            Cancel publishing
          </button>
        )}
        {why && <span className="publish__why">{why}</span>}
      </div>
      {progress && (running || progress.status !== 'complete') && <PublishProgressView progress={progress} />}
      {error && !running && <PublishError error={error} />}
      {publication?.status === 'complete' && !running && (
        <p role="status" className="publish__done">
          Published {publication.fileCount} files to “{publication.bucket}”
          {publication.unchangedCount > 0 ? ` (${publication.unchangedCount} were already there, unchanged)` : ''}.
        </p>
      )}
      {publication && !running && <PublishedLinks publication={publication} />}
      <details
        className="publish__settings"
        open={settingsOpen}
        onToggle={(event) => setSettingsOpen(event.currentTarget.open)}
      >
        <summary>Publishing settings</summary>
        <S3Settings onSaved={onSaved} />
      </details>
    </section>
  );
}
