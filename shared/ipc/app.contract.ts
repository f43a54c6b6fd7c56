import { z } from 'zod';
import { jobIdSchema } from '../domain/job.ts';
import { defineContract, defineEvent } from './contract.ts';

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
  /** The native folder picker; `path` is null when the lecturer closed it without choosing. */
  chooseFolder: defineContract({
    channel: 'app:chooseFolder',
    input: z.strictObject({
      title: z.string().trim().min(1).max(200),
      defaultPath: z.string().max(4096).nullable().default(null),
    }),
    output: z.object({ path: z.string().nullable() }),
  }),
};

/** Things the app menu or an OS notification asks the window to show. */
export const appEvents = {
  /** App menu ▸ Settings… (CmdOrCtrl+,). */
  openSettings: defineEvent({ channel: 'app:openSettings', payload: z.null() }),
  /** A click on the "lecture finished" notification: show that lecture. */
  showJob: defineEvent({ channel: 'app:showJob', payload: z.object({ id: jobIdSchema }) }),
};
