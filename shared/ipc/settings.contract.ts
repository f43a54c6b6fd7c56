import { z } from 'zod';
import { appSettingsPatchSchema, appSettingsSchema, secretNameSchema, secretNames } from '../domain/appSettings.ts';
import { defineContract, defineEvent } from './contract.ts';

/** Which credentials are set. The renderer can learn this, never the values. */
export const secretStatusSchema = z.record(secretNameSchema, z.boolean());
export type SecretStatus = z.infer<typeof secretStatusSchema>;

export const settingsContracts = {
  get: defineContract({ channel: 'settings:get', input: z.void(), output: appSettingsSchema }),
  update: defineContract({
    channel: 'settings:update',
    input: appSettingsPatchSchema.strict(),
    output: appSettingsSchema,
  }),
  secretStatus: defineContract({ channel: 'secrets:status', input: z.void(), output: secretStatusSchema }),
  setSecret: defineContract({
    channel: 'secrets:set',
    input: z.strictObject({ name: secretNameSchema, value: z.string().trim().min(1).max(4096) }),
    output: secretStatusSchema,
  }),
  deleteSecret: defineContract({
    channel: 'secrets:delete',
    input: z.strictObject({ name: secretNameSchema }),
    output: secretStatusSchema,
  }),
};

export const settingsEvents = {
  changed: defineEvent({ channel: 'settings:changed', payload: appSettingsSchema }),
};

export { secretNames };
