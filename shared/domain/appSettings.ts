import { z } from 'zod';
import { renderChoicesSchema, subtitleStyleSchema, defaultSubtitleStyle, type SubtitleStyle } from './clip.ts';
import { clipLengthSchema, defaultClipLength } from './settings.ts';

/**
 * What the lecturer (or the media team deploying Lectern) chooses once and keeps: defaults for new lectures, where
 * clips are published, which online services may be used. Secrets (S3 keys, the Gemini key) never live here: they go
 * to the SecretStore, encrypted with the OS keychain. Every section has defaults, so an empty or older file parses.
 */

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

/** Burnt-in subtitle look; new jobs carry it in their render settings, so it is part of each clip's render hash. */
export { subtitleStyleSchema, type SubtitleStyle };

export const clipDefaultsSchema = z.object({
  /** null: `<data folder>/output`. Each lecture gets its own folder inside. */
  outputFolder: z.string().nullable().default(null),
  clipCount: z.number().int().min(1).max(20).default(5),
  clipLength: clipLengthSchema.default(defaultClipLength),
  render: renderChoicesSchema.default(renderChoicesSchema.parse({})),
  subtitleStyle: subtitleStyleSchema.default(defaultSubtitleStyle),
});
export type ClipDefaults = z.infer<typeof clipDefaultsSchema>;

/** Where published clips go. Credentials are secrets (`s3.accessKeyId`, `s3.secretAccessKey`), not settings. */
export const s3SettingsSchema = z.object({
  bucket: z.string().trim().min(3).max(63),
  region: z.string().trim().min(1).default('us-east-1'),
  /** MinIO, Cloudflare R2, Ceph, Wasabi…; null for AWS itself. */
  endpoint: z.url().nullable().default(null),
  forcePathStyle: z.boolean().default(false),
  /** `{user}`, `{lecture}`, `{clip}` and `{date}` are filled in per object. */
  prefixTemplate: z.string().default('{lecture}/{clip}'),
  /** How long a shared link works, in seconds (S3 allows at most 7 days). */
  linkExpirySec: z
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(3600),
});
export type S3Settings = z.infer<typeof s3SettingsSchema>;

export const transcriptEngineChoiceSchema = z.enum(['auto', 'local', 'gemini']);
export const analysisChoiceSchema = z.enum(['local', 'gemini']);

/** Gemini is used only when the lecturer has added a key (secret `gemini.apiKey`) and agreed to what leaves the machine. */
export const geminiSettingsSchema = z.object({
  model: z.string().trim().min(1).default('gemini-2.5-flash'),
  transcription: transcriptEngineChoiceSchema.default('auto'),
  analysis: analysisChoiceSchema.default('local'),
  /** Set when the lecturer accepted the notice saying which audio and text are sent to Google. */
  consentedAt: z.string().nullable().default(null),
  timeoutSec: z.number().int().min(5).max(600).default(120),
});
export type GeminiSettings = z.infer<typeof geminiSettingsSchema>;

/** An institution's sign-in; absent means no sign-in at all. */
export const signInSettingsSchema = z.object({
  clerkPublishableKey: z.string().trim().min(1).nullable().default(null),
  requireSignInToPublish: z.boolean().default(false),
});
export type SignInSettings = z.infer<typeof signInSettingsSchema>;

export const appSettingsSchema = z.object({
  theme: themeSchema.default('system'),
  clips: clipDefaultsSchema.default(clipDefaultsSchema.parse({})),
  s3: s3SettingsSchema.nullable().default(null),
  gemini: geminiSettingsSchema.default(geminiSettingsSchema.parse({})),
  signIn: signInSettingsSchema.default(signInSettingsSchema.parse({})),
  notifyWhenDone: z.boolean().default(true),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;
export const defaultAppSettings: AppSettings = appSettingsSchema.parse({});

/** A change from the settings screen: whole sections replace the stored ones. */
export const appSettingsPatchSchema = appSettingsSchema.partial();
export type AppSettingsPatch = z.infer<typeof appSettingsPatchSchema>;

export const secretNames = ['s3.accessKeyId', 's3.secretAccessKey', 'gemini.apiKey'] as const;
export const secretNameSchema = z.enum(secretNames);
export type SecretName = z.infer<typeof secretNameSchema>;
