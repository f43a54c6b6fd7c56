import { describe, expect, it } from 'vitest';
import { s3SettingsSchema } from '../../shared/domain/appSettings.ts';
import { isTransientS3Error, toPublishError } from './s3Errors.ts';

const settings = s3SettingsSchema.parse({
  bucket: 'lectures',
  endpoint: 'https://s3.example.edu',
  region: 'eu-west-1',
});
const sdkError = (name: string, status: number) =>
  Object.assign(new Error('UnknownError'), { name, $metadata: { httpStatusCode: status } });
const networkError = (code: string) => Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code });

describe('S3 failures in the lecturer’s words', () => {
  it.each([
    [sdkError('InvalidAccessKeyId', 403), 's3-access-denied', /access key ID/],
    [sdkError('SignatureDoesNotMatch', 403), 's3-access-denied', /secret access key does not match/],
    [sdkError('Forbidden', 403), 's3-access-denied', /refused/],
    [sdkError('NoSuchBucket', 404), 's3-bucket-missing', /"lectures" does not exist at https:\/\/s3\.example\.edu/],
    [sdkError('CredentialsProviderError', 0), 's3-not-configured', /AWS_ACCESS_KEY_ID/],
    [networkError('ECONNREFUSED'), 's3-unreachable', /could not reach bucket "lectures" at https:\/\/s3\.example\.edu/],
    [sdkError('ServiceUnavailable', 503), 's3-unreachable', /continues from where it stopped/],
    [sdkError('InvalidRequest', 400), 'publish-failed', /"lectures"/],
  ])('%s → %s', (error, code, message) => {
    const mapped = toPublishError(error, settings);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(message);
  });

  it('a 404 on the bucket itself means the bucket is missing', () => {
    expect(toPublishError(sdkError('NotFound', 404), settings, 'bucket').code).toBe('s3-bucket-missing');
  });

  it('retries the network and the store’s bad moments, never a refusal or a cancel', () => {
    expect(isTransientS3Error(networkError('ECONNRESET'))).toBe(true);
    expect(isTransientS3Error(sdkError('SlowDown', 503))).toBe(true);
    expect(isTransientS3Error(sdkError('Throttled', 429))).toBe(true);
    expect(isTransientS3Error(sdkError('AccessDenied', 403))).toBe(false);
    expect(isTransientS3Error(sdkError('NoSuchBucket', 404))).toBe(false);
    expect(isTransientS3Error(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe(false);
  });
});
