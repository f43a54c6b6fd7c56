/**
 * Secrets must never reach a log file: users attach lectern.log to bug reports, and the app holds cloud keys
 * (model downloads from S3/Google, the Clerk account). Two nets:
 * - `redactedPaths`: pino replaces values under key-like names before serialising, whatever the value looks like.
 * - `scrubSecrets`: masks secret-shaped text wherever it hides (messages, printf arguments, error messages and
 *   stacks, signed URLs in any field), because a key pasted into a message string has no key name to catch.
 */

export const redactedText = '[redacted]';

const secretKeys = [
  'apiKey',
  'api_key',
  'key',
  'secret',
  'secretAccessKey',
  'accessKeyId',
  'sessionToken',
  'token',
  'accessToken',
  'refreshToken',
  'password',
  'authorization',
  'Authorization',
  'credentials',
  'cookie',
];

/** Top level and one level down (`{ aws: { secretAccessKey } }`), plus HTTP headers where they usually sit. */
export const redactedPaths: string[] = [
  ...secretKeys,
  ...secretKeys.map((key) => `*.${key}`),
  '*.headers.authorization',
  '*.headers.cookie',
];

/** Characters a token can contain. Never quotes or backslashes, so masking a serialised JSON line keeps it valid. */
const tokenChars = String.raw`[A-Za-z0-9._~+/=-]`;

/** Query parameters that carry signatures or keys in signed URLs (S3 presigned, Google signed, Azure SAS, API keys). */
const secretQueryParams = [
  'X-Amz-Signature',
  'X-Amz-Credential',
  'X-Amz-Security-Token',
  'X-Goog-Signature',
  'X-Goog-Credential',
  'key',
  'api_key',
  'apikey',
  'access_token',
  'token',
  'sig',
  'signature',
];

interface ScrubRule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const scrubRules: ScrubRule[] = [
  // AWS access key ids: long-term (AKIA) and temporary (ASIA).
  { pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: () => redactedText },
  // AWS secret access keys: 40 base64 characters after `=` or `:`. Requiring both letter cases spares 40-digit hex
  // hashes (git commits, SHA-1 checksums), which are lower-case only and which we do want in logs.
  {
    pattern: /([=:]\s*["']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g,
    replace: (match, prefix = '', token = '') =>
      /[a-z]/.test(token) && /[A-Z]/.test(token) ? `${prefix}${redactedText}` : match,
  },
  // Google API keys.
  { pattern: /\bAIza[0-9A-Za-z_-]{35}/g, replace: () => redactedText },
  // Clerk (and Stripe) secret and publishable keys.
  { pattern: /\b(?:sk|pk)_(?:live|test)_[A-Za-z0-9_+/=-]{8,}/g, replace: () => redactedText },
  // OAuth and API bearer tokens, e.g. a copied `Authorization: Bearer …` header.
  {
    pattern: new RegExp(String.raw`\b(Bearer\s+)${tokenChars}+`, 'gi'),
    replace: (_m, prefix = '') => `${prefix}${redactedText}`,
  },
  {
    pattern: new RegExp(String.raw`([?&](?:${secretQueryParams.join('|')})=)[^&#\s"'\\]+`, 'gi'),
    replace: (_m, prefix = '') => `${prefix}${redactedText}`,
  },
];

/** Masks secret-shaped substrings in any text; everything else is left exactly as it was. */
export function scrubSecrets(text: string): string {
  let scrubbed = text;
  for (const rule of scrubRules) {
    scrubbed = scrubbed.replace(rule.pattern, rule.replace);
  }
  return scrubbed;
}
