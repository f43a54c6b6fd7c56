import { z } from 'zod';
import { s3SettingsSchema } from '../domain/appSettings.ts';
import { jobIdSchema } from '../domain/job.ts';
import { connectionCheckSchema, publicationSummarySchema, publishProgressSchema } from '../domain/publish.ts';
import { defineContract, defineEvent } from './contract.ts';

const jobRefSchema = z.strictObject({ jobId: jobIdSchema });

export const publishContracts = {
  /**
   * Publishes the job's rendered clips and answers when the publication has ended: with its summary, or with the
   * reason it failed (progress arrives meanwhile as `publish:progress`). A later start resumes where it stopped.
   */
  start: defineContract({ channel: 'publish:start', input: jobRefSchema, output: publicationSummarySchema }),
  /** Stops the job's running publication; false when none was running. */
  cancel: defineContract({
    channel: 'publish:cancel',
    input: jobRefSchema,
    output: z.object({ cancelled: z.boolean() }),
  }),
  /** The job's last publication with working links (expired ones are signed again), or null if never published. */
  status: defineContract({
    channel: 'publish:status',
    input: jobRefSchema,
    output: publicationSummarySchema.nullable(),
  }),
  /** Checks the bucket and credentials: the given settings before saving them, else the saved ones. */
  test: defineContract({
    channel: 'publish:test',
    input: z.strictObject({ s3: s3SettingsSchema.optional() }),
    output: connectionCheckSchema,
  }),
};

export const publishEvents = {
  progress: defineEvent({ channel: 'publish:progress', payload: publishProgressSchema }),
};
