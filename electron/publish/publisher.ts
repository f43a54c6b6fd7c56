import { GetObjectCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import os from 'node:os';
import type { Logger } from 'pino';
import type { S3Settings } from '../../shared/domain/appSettings.ts';
import type { ConnectionCheck, PublicationSummary, PublishProgress } from '../../shared/domain/publish.ts';
import { LecternError, toAppError } from '../../shared/errors.ts';
import type { LecternDb } from '../db/open.ts';
import type { SecretStore } from '../settings/secretStore.ts';
import { abortUnfinishedUploads, publishObject } from './publishObject.ts';
import { planPublication } from './publishPlan.ts';
import { createPublishProgress } from './publishProgress.ts';
import * as repo from './publicationRepo.ts';
import { withRetry } from './retry.ts';
import { createS3Client } from './s3Client.ts';
import { isAbort, s3ErrorFacts, toPublishError } from './s3Errors.ts';
import { checkPrefixTemplate, keySegment } from './objectKeys.ts';
import { describeTarget, requireS3Settings } from './s3Settings.ts';

export interface PublisherDeps {
  db: LecternDb;
  logger: Logger;
  /** The saved settings; a caller may pass others per publication (the CLI's LECTERN_S3_* variables). */
  s3Settings: () => S3Settings | null;
  secrets: SecretStore;
  /** Throws LecternError('sign-in-required') when the institution requires sign-in and nobody is signed in. */
  signInGate?: () => void;
  /** Who `{user}` in the key template is. */
  userName?: () => string;
}

export interface PublishOptions {
  settings?: S3Settings;
}

const cancelReason = 'cancelled by the lecturer';

/** A link is signed again when it has less than this left, so a copied link always works for a while. */
const linkMarginMs = 5 * 60_000;

/**
 * HEAD answers carry no error code, so a 403 on HeadBucket cannot say whether the key is unknown, the secret wrong,
 * or the key simply may not list the bucket (a write-only key, which can still publish). A GET of a key that does
 * not exist answers with the code: wrong credentials are reported as such; anything else is left to the uploads.
 */
async function diagnoseForbidden(client: S3Client, settings: S3Settings, signal: AbortSignal): Promise<unknown> {
  try {
    await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: '.lectern-access-check' }), {
      abortSignal: signal,
    });
    return null;
  } catch (error) {
    const { name } = s3ErrorFacts(error);
    return name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch' ? error : null;
  }
}

/** Reaches the bucket before any upload: a missing bucket or wrong credentials fail here, in plain words. */
async function checkBucket(
  client: S3Client,
  settings: S3Settings,
  signal: AbortSignal,
  purpose: 'publish' | 'test',
): Promise<void> {
  try {
    await withRetry(() => client.send(new HeadBucketCommand({ Bucket: settings.bucket }), { abortSignal: signal }), {
      signal,
      attempts: 2,
    });
  } catch (error) {
    if (s3ErrorFacts(error).status === 403) {
      const credentialsError = await diagnoseForbidden(client, settings, signal);
      if (credentialsError) throw toPublishError(credentialsError, settings, 'bucket');
      if (purpose === 'publish') return;
    }
    throw toPublishError(error, settings, 'bucket');
  }
}

/**
 * Publishes jobs' clips to S3 and keeps the record of what is there. One publication per job at a time; others may
 * run beside it. Progress goes to `onProgress` listeners (the window, the CLI).
 */
export function createPublisher(deps: PublisherDeps) {
  const { db, logger, secrets } = deps;
  const running = new Map<number, { controller: AbortController; done: Promise<unknown> }>();
  const listeners = new Set<(progress: PublishProgress) => void>();
  const emit = (progress: PublishProgress) => listeners.forEach((listener) => listener(progress));
  const userName = deps.userName ?? (() => os.userInfo().username);

  /** A second guard behind messages that never quote credentials: whatever a store echoes back is blanked. */
  function scrub(error: LecternError): LecternError {
    let message = error.message;
    for (const value of [secrets.get('s3.accessKeyId'), secrets.get('s3.secretAccessKey')]) {
      if (value && value.length >= 4) message = message.split(value).join('[hidden]');
    }
    return message === error.message ? error : new LecternError(error.code, message);
  }

  async function signLinks(client: S3Client, settings: S3Settings, rows: repo.PublishedObjectRow[]): Promise<void> {
    const soon = Date.now() + linkMarginMs;
    for (const row of rows) {
      if (row.status !== 'complete' || (row.url && row.urlExpiresAt !== null && row.urlExpiresAt > soon)) continue;
      const expiresAt = Date.now() + settings.linkExpirySec * 1000;
      const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: settings.bucket, Key: row.key }), {
        expiresIn: settings.linkExpirySec,
      });
      repo.setObjectLink(db, row.id, url, expiresAt);
    }
  }

  function summaryOf(publicationId: number, jobId: number): PublicationSummary {
    const publication = repo.lastPublication(db, jobId);
    if (!publication || publication.id !== publicationId) throw new Error(`Publication ${publicationId} vanished.`);
    return repo.publicationSummary(publication, repo.publicationObjects(db, publicationId));
  }

  async function run(jobId: number, settings: S3Settings, signal: AbortSignal): Promise<PublicationSummary> {
    const planned = await planPublication(db, jobId, {
      prefixTemplate: settings.prefixTemplate,
      user: keySegment(userName()) || 'lecturer',
    });
    const client = createS3Client(settings, secrets);
    try {
      await checkBucket(client, settings, signal, 'publish');
      const { publication, objectIds } = repo.createPublication(
        db,
        { jobId, bucket: settings.bucket, endpoint: settings.endpoint, region: settings.region },
        planned,
      );
      const progress = createPublishProgress({ jobId, publicationId: publication.id }, planned, emit);
      let current = -1;
      try {
        for (const [index, object] of planned.entries()) {
          current = index;
          const id = objectIds.get(object.key)!;
          const result = await publishObject({ client, db, settings, signal }, object, {
            state: (state) => progress.state(index, state),
            sent: (bytes) => progress.sent(index, bytes),
            confirmed: (bytes) => progress.confirmed(index, bytes),
          });
          repo.markObjectComplete(db, id, result);
          progress.state(index, result.unchanged ? 'unchanged' : 'uploaded');
        }
        await signLinks(client, settings, repo.publicationObjects(db, publication.id));
        repo.finishPublication(db, publication.id, 'complete', null);
        progress.finish('complete');
        const summary = summaryOf(publication.id, jobId);
        logger.info(
          { jobId, publicationId: publication.id, files: summary.fileCount, unchanged: summary.unchangedCount },
          'publication complete',
        );
        return summary;
      } catch (error) {
        const cancelled = isAbort(error, signal);
        // The lecturer's cancel discards the unfinished upload; a quit keeps it to resume next time.
        const byLecturer = cancelled && signal.reason === cancelReason;
        const failure = cancelled
          ? new LecternError(
              'cancelled',
              byLecturer
                ? 'Publishing was cancelled. Files already complete stay in the bucket; publishing again sends only the rest.'
                : 'Publishing stopped because Lectern was closing. Publish again to continue from where it stopped.',
            )
          : scrub(toPublishError(error, settings));
        const failed = planned[current];
        if (failed) {
          repo.markObjectFailed(db, objectIds.get(failed.key)!);
          progress.state(current, 'failed');
          if (byLecturer) await abortUnfinishedUploads({ client, db, settings }, failed.key);
        }
        // Objects that did complete before the failure get links: they are in the bucket, whole.
        await signLinks(client, settings, repo.publicationObjects(db, publication.id)).catch(() => {});
        repo.finishPublication(db, publication.id, cancelled ? 'cancelled' : 'failed', failure.toJSON());
        progress.finish(cancelled ? 'cancelled' : 'failed');
        const facts = s3ErrorFacts(error);
        logger.warn(
          { jobId, publicationId: publication.id, code: failure.code, name: facts.name, status: facts.status },
          'publication stopped',
        );
        throw failure;
      }
    } finally {
      client.destroy();
    }
  }

  return {
    async publish(jobId: number, options: PublishOptions = {}): Promise<PublicationSummary> {
      deps.signInGate?.();
      const settings = requireS3Settings(options.settings ?? deps.s3Settings());
      checkPrefixTemplate(settings.prefixTemplate);
      if (running.has(jobId)) {
        throw new LecternError('job-busy', `Job ${jobId} is being published already; wait for it or cancel it.`);
      }
      const controller = new AbortController();
      const done = run(jobId, settings, controller.signal);
      running.set(jobId, { controller, done });
      try {
        return await done;
      } finally {
        running.delete(jobId);
      }
    },

    cancel(jobId: number): boolean {
      const publication = running.get(jobId);
      publication?.controller.abort(cancelReason);
      return publication !== undefined;
    },

    /** The last publication with links that work for a while yet (re-signed when the saved bucket is the same). */
    async status(jobId: number): Promise<PublicationSummary | null> {
      const publication = repo.lastPublication(db, jobId);
      if (!publication) return null;
      const settings = deps.s3Settings();
      if (settings && settings.bucket === publication.bucket && settings.endpoint === publication.endpoint) {
        const client = createS3Client(settings, secrets);
        try {
          await signLinks(client, settings, repo.publicationObjects(db, publication.id));
        } catch (error) {
          logger.warn({ jobId, error: toAppError(error).code }, 'links could not be signed again');
        } finally {
          client.destroy();
        }
      }
      return repo.publicationSummary(publication, repo.publicationObjects(db, publication.id));
    },

    /** Reaches the bucket with the credentials, as "Test connection" in Settings does. */
    async testConnection(candidate?: S3Settings): Promise<ConnectionCheck> {
      const settings = requireS3Settings(candidate ?? deps.s3Settings());
      checkPrefixTemplate(settings.prefixTemplate);
      const client = createS3Client(settings, secrets);
      try {
        await checkBucket(client, settings, new AbortController().signal, 'test');
      } catch (error) {
        throw scrub(toPublishError(error, settings, 'bucket'));
      } finally {
        client.destroy();
      }
      return {
        bucket: settings.bucket,
        endpoint: settings.endpoint,
        message: `Connected: Lectern reached the ${describeTarget(settings)} with these credentials.`,
      };
    },

    onProgress(listener: (progress: PublishProgress) => void): () => void {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    /** Stops every publication; each resumes from its confirmed parts next time. */
    async shutdown(): Promise<void> {
      const stopping = [...running.values()];
      for (const { controller } of stopping) controller.abort('shutting down');
      await Promise.allSettled(stopping.map(({ done }) => done));
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
