import { z } from 'zod';
import { defineContract } from './contract.ts';

/** What the About box and a bug report need to say which Lectern, on which runtime, reading which data. */
export const appInfoSchema = z.object({
  versions: z.object({
    app: z.string(),
    electron: z.string(),
    chrome: z.string(),
    node: z.string(),
  }),
  dataDir: z.string(),
  /** Where the FFmpeg in use came from (override, bundled, PATH), so a support request can tell at a glance. */
  ffmpegSource: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appContracts = {
  info: defineContract({ channel: 'app:info', input: z.void(), output: appInfoSchema }),
};
