import { describe, expect, it } from 'vitest';
import { metadataValue, objectMetadata, readMetadataValue } from './objectMetadata.ts';

describe('S3 metadata', () => {
  it('keeps ASCII readable and encodes anything else as RFC 2047, which reads back unchanged', () => {
    expect(metadataValue('Work is force times distance')).toBe('Work is force times distance');
    const encoded = metadataValue('Énergie potentielle — ½mv²');
    expect(encoded).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    expect(readMetadataValue(encoded)).toBe('Énergie potentielle — ½mv²');
  });

  it('removes line breaks and control characters, which would break the header', () => {
    expect(metadataValue('line one\r\nline two\u0007')).toBe('line one line two');
  });

  it('cuts very long titles, since all metadata must fit in 2 KB', () => {
    expect(readMetadataValue(metadataValue('é'.repeat(2000))).length).toBe(300);
  });

  it('always carries the checksum and the kind; score with three decimals', () => {
    expect(objectMetadata({ kind: 'video', sha256: 'ab', title: 'T', topic: null, score: 0.91234 })).toEqual({
      sha256: 'ab',
      'lectern-kind': 'video',
      title: 'T',
      score: '0.912',
    });
  });
});
