import { describe, expect, it } from 'vitest';
import { scrubSecrets } from './redact.ts';

// Shapes of real credentials, built from AWS's and Google's documented example values.
const awsKeyId = 'AKIAIOSFODNN7EXAMPLE';
const awsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const googleKey = 'AIzaSyD-abcdefghijklmnopqrstuvwxyz_1234'; // AIza + 35

describe('scrubSecrets', () => {
  it.each([
    ['an AWS access key id', `using key ${awsKeyId} for the upload`, awsKeyId],
    ['a temporary AWS key id', 'ASIAY34FZKBOKMUTVV7A expired', 'ASIAY34FZKBOKMUTVV7A'],
    ['an AWS secret after =', `AWS_SECRET_ACCESS_KEY=${awsSecret}`, awsSecret],
    ['an AWS secret after :', `secret: ${awsSecret}`, awsSecret],
    ['an AWS secret quoted after :', `{"aws":"${awsSecret}"}`, awsSecret],
    ['a Google API key', `https://generativelanguage.googleapis.com/v1/models?alt=json&k=${googleKey}`, googleKey],
    ['a Clerk secret key', 'CLERK_SECRET_KEY sk_live_2f9aQ8eLmN0pRsTuVwXyZ1', 'sk_live_2f9aQ8eLmN0pRsTuVwXyZ1'],
    ['a Clerk test key', 'sk_test_abcDEF123456ghiJKL', 'sk_test_abcDEF123456ghiJKL'],
    ['a Clerk publishable key', 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k', 'pk_test_Y2xlcmsuZXhhbXBsZS5jb20k'],
    [
      'a bearer token',
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
      'eyJhbGciOiJIUzI1NiJ9',
    ],
    [
      'a presigned S3 signature',
      'GET https://b.s3.amazonaws.com/m.bin?X-Amz-Signature=9f8e7d6c5b4a&X-Amz-Date=1',
      '9f8e7d6c5b4a',
    ],
    [
      'a presigned S3 credential',
      'https://b.s3.amazonaws.com/m.bin?X-Amz-Credential=AKIA%2F20240101%2Fus-east-1',
      '20240101',
    ],
    ['a key= query parameter', 'fetch https://maps.example.com/api?q=1&key=abc123def456 failed', 'abc123def456'],
  ])('masks %s', (_label, text, secret) => {
    const scrubbed = scrubSecrets(text);
    expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain('[redacted]');
  });

  it('keeps the words around a secret, so the line still explains what happened', () => {
    expect(
      scrubSecrets(`download failed: https://b.s3.amazonaws.com/m.bin?X-Amz-Signature=abc&X-Amz-Date=20240101 (403)`),
    ).toBe('download failed: https://b.s3.amazonaws.com/m.bin?X-Amz-Signature=[redacted]&X-Amz-Date=20240101 (403)');
    expect(scrubSecrets('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
  });

  it('leaves ordinary log text alone, including hex hashes and file paths', () => {
    const ordinary = [
      'commit: 0e8eb07980c3f5a1b2d4e6f8091a2b3c4d5e6f70 built the bundle',
      'sha1=da39a3ee5e6b4b0d3255bfef95601890afd80709',
      'decoded /Users/ana/Lectures/Physics 101 - Week 3.mp4 to audio.f32 in 4.2 s',
      'stage audio finished: 203.3 s at 16 kHz, keyframes=42, monkey=3',
      'sk_live_ is the prefix Clerk uses',
    ];
    for (const text of ordinary) expect(scrubSecrets(text)).toBe(text);
  });

  it('keeps a serialised JSON line valid', () => {
    const line = JSON.stringify({
      msg: `upload with ${awsKeyId} to https://x/y?X-Amz-Signature=abc"def`,
      url: 'https://x?key=k1',
    });
    const scrubbed = scrubSecrets(line);
    expect(() => JSON.parse(scrubbed) as unknown).not.toThrow();
    expect(scrubbed).not.toContain(awsKeyId);
    expect(scrubbed).not.toContain('k1');
  });
});
