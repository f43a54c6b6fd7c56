import type { S3Settings } from '../../shared/domain/appSettings.ts';
import { LecternError, isLecternError } from '../../shared/errors.ts';
import { describeTarget } from './s3Settings.ts';

/** What an AWS SDK (or Node network) error says, read defensively: SDK errors are plain objects at runtime. */
export interface S3ErrorFacts {
  name: string;
  status: number | null;
  /** Node's system error code (ECONNREFUSED…), when the request never got an answer. */
  code: string | null;
  message: string;
}

export function s3ErrorFacts(error: unknown): S3ErrorFacts {
  const record = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const metadata = record.$metadata as { httpStatusCode?: unknown } | undefined;
  const cause = record.cause as Record<string, unknown> | undefined;
  const code = typeof record.code === 'string' ? record.code : typeof cause?.code === 'string' ? cause.code : null;
  return {
    name: typeof record.Code === 'string' ? record.Code : typeof record.name === 'string' ? record.name : 'Error',
    status: typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : null,
    code,
    message: error instanceof Error ? error.message : String(error),
  };
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
]);
const transientNames = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'SlowDown',
  'InternalError',
  'ServiceUnavailable',
  'ThrottlingException',
]);

function isNetworkFailure(facts: S3ErrorFacts): boolean {
  return (
    (facts.code !== null && networkCodes.has(facts.code)) ||
    facts.name === 'TimeoutError' ||
    /socket hang up|ECONNRESET|ECONNREFUSED|other side closed/i.test(facts.message)
  );
}

/** Worth trying again after a pause: the network or the store had a moment, not a refusal. */
export function isTransientS3Error(error: unknown): boolean {
  if (isLecternError(error)) return false;
  const facts = s3ErrorFacts(error);
  if (facts.name === 'AbortError') return false;
  return (
    isNetworkFailure(facts) ||
    transientNames.has(facts.name) ||
    facts.status === 429 ||
    (facts.status !== null && facts.status >= 500)
  );
}

export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || s3ErrorFacts(error).name === 'AbortError';
}

const settingsHint = 'Check it in Settings → Publishing';

/**
 * An SDK failure in the lecturer's words: which bucket and endpoint, what went wrong, what to do. Never a
 * credential (they are not in these messages; the publisher also scrubs them as a second guard).
 */
export function toPublishError(
  error: unknown,
  settings: S3Settings,
  step: 'bucket' | 'object' = 'object',
): LecternError {
  if (isLecternError(error)) return error;
  const facts = s3ErrorFacts(error);
  const target = describeTarget(settings);
  const detail = `${facts.name}${facts.status ? `, HTTP ${facts.status}` : ''}`;
  if (facts.name === 'CredentialsProviderError') {
    return new LecternError(
      's3-not-configured',
      `Lectern has no credentials for ${target}. Enter the access key ID and secret in Settings → Publishing, ` +
        'or for the command line set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an AWS profile).',
    );
  }
  if (facts.name === 'InvalidAccessKeyId') {
    return new LecternError(
      's3-access-denied',
      `The storage does not know the access key ID Lectern sent for ${target}. ${settingsHint}, or ask your media team for a valid key.`,
    );
  }
  if (facts.name === 'SignatureDoesNotMatch') {
    return new LecternError(
      's3-access-denied',
      `The secret access key does not match the access key ID for ${target}. ${settingsHint}: enter the secret again.`,
    );
  }
  if (facts.name === 'NoSuchBucket' || (step === 'bucket' && facts.status === 404)) {
    return new LecternError(
      's3-bucket-missing',
      `The bucket "${settings.bucket}" does not exist at ${settings.endpoint ?? `AWS S3 (${settings.region})`}. ` +
        `${settingsHint} (name, region, endpoint), or ask your media team to create it.`,
    );
  }
  if (facts.name === 'PermanentRedirect' || facts.name === 'AuthorizationHeaderMalformed' || facts.status === 301) {
    return new LecternError(
      's3-not-configured',
      `The ${target} is in another region than the one set. ${settingsHint}: set the bucket's region.`,
    );
  }
  if (facts.name === 'AccessDenied' || facts.name === 'Forbidden' || facts.status === 403) {
    return new LecternError(
      's3-access-denied',
      `Access to ${target} was refused (${detail}): the credentials are wrong, or not allowed to write there. ` +
        `${settingsHint}, or ask your media team for write access to the bucket.`,
    );
  }
  if (isNetworkFailure(facts)) {
    return new LecternError(
      's3-unreachable',
      `Lectern could not reach ${target} (${facts.code ?? facts.name}). Check the network connection and the ` +
        'endpoint in Settings → Publishing, then publish again: it continues from where it stopped.',
    );
  }
  if (facts.status !== null && facts.status >= 500) {
    return new LecternError(
      's3-unreachable',
      `The storage for ${target} is having trouble (${detail}). Publish again in a few minutes: ` +
        'it continues from where it stopped.',
    );
  }
  return new LecternError('publish-failed', `Publishing to ${target} failed (${detail}): ${facts.message}`);
}
