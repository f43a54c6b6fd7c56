import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/support/lectern.ts';
import {
  createEncryptedSecretStore,
  createEnvironmentSecretStore,
  secretsFile,
  type SecretCipher,
} from './secretStore.ts';

/** Stands in for safeStorage: reversible, and visibly not the plain text. */
const xorCipher: SecretCipher = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from([...Buffer.from(text, 'utf8')].map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString('utf8'),
};

const scratches: Array<{ cleanup(): void }> = [];
afterEach(() => scratches.splice(0).forEach((s) => s.cleanup()));
function file(): string {
  const scratch = scratchDir('lectern-secrets-');
  scratches.push(scratch);
  return secretsFile(scratch.dir);
}

describe('encrypted secret store', () => {
  it('stores only ciphertext, readable by the owner alone, and reads it back', () => {
    const where = file();
    const store = createEncryptedSecretStore(where, xorCipher);
    store.set('s3.secretAccessKey', 'wJalrXUtnFEMI/K7MDENG');
    expect(readFileSync(where, 'utf8')).not.toContain('wJalrXUtnFEMI');
    if (process.platform !== 'win32') expect(statSync(where).mode & 0o777).toBe(0o600);
    expect(createEncryptedSecretStore(where, xorCipher).get('s3.secretAccessKey')).toBe('wJalrXUtnFEMI/K7MDENG');
    expect(store.has('gemini.apiKey')).toBe(false);
    store.delete('s3.secretAccessKey');
    expect(store.get('s3.secretAccessKey')).toBeNull();
  });

  it('refuses to store a secret when the OS has no keychain', () => {
    const store = createEncryptedSecretStore(file(), { ...xorCipher, isEncryptionAvailable: () => false });
    expect(() => store.set('gemini.apiKey', 'AIza-secret')).toThrow(/no keychain/);
  });

  it('treats a secret encrypted elsewhere as unset', () => {
    const where = file();
    createEncryptedSecretStore(where, xorCipher).set('gemini.apiKey', 'AIza-secret');
    const otherKeychain: SecretCipher = {
      ...xorCipher,
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    expect(createEncryptedSecretStore(where, otherKeychain).get('gemini.apiKey')).toBeNull();
  });
});

describe('environment secret store', () => {
  it('reads the standard variable names', () => {
    const store = createEnvironmentSecretStore({ AWS_ACCESS_KEY_ID: 'AKIA1', GEMINI_API_KEY: ' key ' });
    expect(store.get('s3.accessKeyId')).toBe('AKIA1');
    expect(store.get('gemini.apiKey')).toBe('key');
    expect(store.has('s3.secretAccessKey')).toBe(false);
  });
});
