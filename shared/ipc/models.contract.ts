import { z } from 'zod';
import { defineContract, defineEvent } from './contract.ts';

const modelNameSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a model name is letters, digits, dot, dash and underscore');

/** One speech model as Settings ▸ Speech models lists it: from the catalogue or imported, and what state it is in. */
export const speechModelSchema = z.object({
  name: z.string(),
  kind: z.string().nullable(),
  description: z.string().nullable(),
  /** The archive's approximate size, before the server says. */
  approxDownloadMB: z.number().nullable(),
  recommended: z.boolean(),
  inCatalogue: z.boolean(),
  state: z.enum(['installed', 'damaged', 'partial', 'absent']),
  /** For a damaged model: what is wrong, in words for the lecturer. */
  problem: z.string().nullable(),
  /** Bytes of an interrupted download kept for resuming. */
  partialBytes: z.number().nullable(),
  /** What the installed files take on disk. */
  installedBytes: z.number().nullable(),
  source: z.enum(['download', 'import']).nullable(),
  downloading: z.boolean(),
});
export type SpeechModel = z.infer<typeof speechModelSchema>;

const modelListSchema = z.array(speechModelSchema);

export const modelDownloadProgressSchema = z.object({
  name: z.string(),
  phase: z.enum(['download', 'extract', 'verify']),
  receivedBytes: z.number(),
  totalBytes: z.number().nullable(),
  resumedFrom: z.number(),
});
export type ModelDownloadProgress = z.infer<typeof modelDownloadProgressSchema>;

export const modelsContracts = {
  list: defineContract({ channel: 'models:list', input: z.void(), output: modelListSchema }),
  /** Resolves once the model is installed (or with the reason it is not); progress arrives as `models:progress`. */
  download: defineContract({
    channel: 'models:download',
    input: z.strictObject({ name: modelNameSchema }),
    output: modelListSchema,
  }),
  cancelDownload: defineContract({
    channel: 'models:cancelDownload',
    input: z.strictObject({ name: modelNameSchema }),
    output: modelListSchema,
  }),
  /** Opens the native picker for a model archive or an unpacked model folder, then installs what was picked. */
  import: defineContract({
    channel: 'models:import',
    input: z.strictObject({ from: z.enum(['archive', 'folder']) }),
    output: z.object({ imported: z.string().nullable(), models: modelListSchema }),
  }),
  remove: defineContract({
    channel: 'models:remove',
    input: z.strictObject({ name: modelNameSchema }),
    output: modelListSchema,
  }),
};

export const modelsEvents = {
  progress: defineEvent({ channel: 'models:progress', payload: modelDownloadProgressSchema }),
  /** The list after a download, import or removal finished, whoever started it. */
  changed: defineEvent({ channel: 'models:changed', payload: modelListSchema }),
};
