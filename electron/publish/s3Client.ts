import { S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '../../shared/domain/appSettings.ts';
import type { SecretStore } from '../settings/secretStore.ts';

/**
 * An S3 client for the lecturer's bucket. Credentials come from the secret store (the keychain in the app, AWS_*
 * variables in the CLI); when none are stored the SDK's default chain applies (environment, shared profiles,
 * SSO, instance roles), which is how a media team's managed machines usually authenticate.
 */
export function createS3Client(settings: S3Settings, secrets: SecretStore): S3Client {
  const accessKeyId = secrets.get('s3.accessKeyId');
  const secretAccessKey = secrets.get('s3.secretAccessKey');
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    // Retries are ours (retry.ts): one policy, with backoff, around whole steps, and aware of cancel.
    maxAttempts: 1,
    // The SDK's default CRC32 trailers (aws-chunked bodies) are refused by many S3-compatible stores (older MinIO,
    // Ceph, s3rver); integrity is checked by our own SHA-256 in the object's metadata instead.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A store that stops answering must fail the request (and be retried), not hang the publication.
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
  });
}
