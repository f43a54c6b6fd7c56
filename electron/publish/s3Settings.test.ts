import { describe, expect, it } from 'vitest';
import { s3SettingsSchema } from '../../shared/domain/appSettings.ts';
import { requireS3Settings, s3SettingsWithEnvironment } from './s3Settings.ts';

describe('S3 settings from the environment (the CLI)', () => {
  it('names a bucket from LECTERN_S3_* alone, with the defaults for the rest', () => {
    const settings = s3SettingsWithEnvironment(null, {
      LECTERN_S3_BUCKET: 'lectures',
      LECTERN_S3_ENDPOINT: 'http://127.0.0.1:9000',
      LECTERN_S3_FORCE_PATH_STYLE: '1',
      LECTERN_S3_PREFIX: '{user}/{lecture}/{clip}/{date}',
    });
    expect(settings).toEqual({
      bucket: 'lectures',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      prefixTemplate: '{user}/{lecture}/{clip}/{date}',
      linkExpirySec: 3600,
    });
  });

  it('overrides the saved settings one variable at a time', () => {
    const saved = s3SettingsSchema.parse({ bucket: 'saved', region: 'eu-west-1', linkExpirySec: 600 });
    expect(s3SettingsWithEnvironment(saved, { LECTERN_S3_REGION: 'eu-central-1' })).toEqual({
      ...saved,
      region: 'eu-central-1',
    });
    expect(s3SettingsWithEnvironment(saved, {})).toEqual(saved);
  });

  it('reports an invalid variable by name, and no bucket at all as not configured', () => {
    expect(() =>
      s3SettingsWithEnvironment(null, { LECTERN_S3_BUCKET: 'b12', LECTERN_S3_ENDPOINT: 'not a url' }),
    ).toThrow(/LECTERN_S3_ENDPOINT/);
    expect(s3SettingsWithEnvironment(null, {})).toBeNull();
    expect(() => requireS3Settings(null)).toThrow(/Settings → Publishing/);
  });
});
