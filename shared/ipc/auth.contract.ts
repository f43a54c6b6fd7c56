import { z } from 'zod';
import { defineContract } from './contract.ts';

/**
 * An institution's sign-in (Clerk). The publishable key is public by design (it ships in every web page that uses
 * Clerk); it names the instance's Frontend API, the only origin the window may then load Clerk from.
 */
export const authConfigSchema = z.object({
  /** null: no sign-in configured; the app never loads Clerk. */
  publishableKey: z.string().nullable(),
  /** https://<frontend-api-host>, derived from the key. */
  frontendApi: z.string().nullable(),
  requireSignInToPublish: z.boolean(),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;

/** The signed-in person as Clerk knows them; only these fields are kept on this computer. */
export const signedInUserSchema = z.strictObject({
  clerkId: z.string().trim().min(1).max(200),
  name: z.string().max(500).nullable(),
  email: z.string().max(500).nullable(),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

export const sessionStateSchema = z.object({
  signedIn: z.boolean(),
  user: signedInUserSchema.nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const authContracts = {
  config: defineContract({ channel: 'auth:config', input: z.void(), output: authConfigSchema }),
  signedIn: defineContract({ channel: 'auth:signedIn', input: signedInUserSchema, output: sessionStateSchema }),
  signedOut: defineContract({ channel: 'auth:signedOut', input: z.void(), output: sessionStateSchema }),
};
