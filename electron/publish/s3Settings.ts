import { s3SettingsSchema, type S3Settings } from '../../shared/domain/appSettings.ts';
import { LecternError } from '../../shared/errors.ts';

/** The CLI's way to name a bucket without the app's settings screen; each variable overrides that one setting. */
export const s3EnvironmentNames = {
  bucket: 'LECTERN_S3_BUCKET',
  region: 'LECTERN_S3_REGION',
  endpoint: 'LECTERN_S3_ENDPOINT',
  prefixTemplate: 'LECTERN_S3_PREFIX',
  forcePathStyle: 'LECTERN_S3_FORCE_PATH_STYLE',
} as const;

/**
 * The saved S3 settings with `LECTERN_S3_*` laid over them; null when neither names a bucket. A variable that
 * makes the result invalid (e.g. an endpoint that is not a URL) is reported by name.
 */
export function s3SettingsWithEnvironment(saved: S3Settings | null, env: NodeJS.ProcessEnv): S3Settings | null {
  const read = (name: string) => env[name]?.trim() || undefined;
  const overrides = {
    bucket: read(s3EnvironmentNames.bucket),
    region: read(s3EnvironmentNames.region),
    endpoint: read(s3EnvironmentNames.endpoint),
    prefixTemplate: read(s3EnvironmentNames.prefixTemplate),
    forcePathStyle:
      read(s3EnvironmentNames.forcePathStyle) === undefined
        ? undefined
        : ['1', 'true', 'yes'].includes(read(s3EnvironmentNames.forcePathStyle)!.toLowerCase()),
  };
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  if (!saved && overrides.bucket === undefined) return null;
  const parsed = s3SettingsSchema.safeParse({ ...saved, ...defined });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'bucket') as keyof typeof s3EnvironmentNames;
    throw new LecternError(
      's3-not-configured',
      `The publishing setting "${field}" is not valid (${s3EnvironmentNames[field] ?? field}): ` +
        `${parsed.error.issues[0]?.message ?? 'check its value'}.`,
    );
  }
  return parsed.data;
}

/** "bucket "lectures" at https://minio.example.edu" — how messages name the target; never a credential. */
export function describeTarget(settings: Pick<S3Settings, 'bucket' | 'endpoint' | 'region'>): string {
  const where = settings.endpoint ?? `AWS S3 (${settings.region})`;
  return `bucket "${settings.bucket}" at ${where}`;
}

export function requireS3Settings(settings: S3Settings | null): S3Settings {
  if (settings) return settings;
  throw new LecternError(
    's3-not-configured',
    'Publishing is not set up: choose a bucket in Settings → Publishing ' +
      `(for the command line, set ${s3EnvironmentNames.bucket} and the AWS credentials).`,
  );
}
