import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { secretNames, type SecretName } from '../../shared/domain/appSettings.ts';
import { LecternError } from '../../shared/errors.ts';

/**
 * Where credentials live. Values never reach the database, logs or error messages; the renderer can only learn
 * whether a secret is set (`has`), never read it back.
 */
export interface SecretStore {
  get(name: SecretName): string | null;
  has(name: SecretName): boolean;
  set(name: SecretName, value: string): void;
  delete(name: SecretName): void;
}

/** The part of Electron's `safeStorage` we use, so the store itself runs (and is tested) without Electron. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function secretsFile(dataDir: string): string {
  return path.join(dataDir, 'secrets.json');
}

const storedSecretsSchema = z.partialRecord(z.enum(secretNames), z.string());

/** Secrets encrypted with the OS keychain (Electron `safeStorage`), base64 in `secrets.json`, readable only by us. */
export function createEncryptedSecretStore(file: string, cipher: SecretCipher): SecretStore {
  const read = (): Partial<Record<SecretName, string>> => {
    try {
      return storedSecretsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      return {};
    }
  };
  const write = (secrets: Partial<Record<SecretName, string>>) => {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(secrets), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
  };
  return {
    get(name) {
      const stored = read()[name];
      if (stored === undefined) return null;
      try {
        return cipher.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        // Encrypted under another OS account or keychain: as good as unset; the lecturer enters it again.
        return null;
      }
    },
    has: (name) => read()[name] !== undefined,
    set(name, value) {
      if (!cipher.isEncryptionAvailable()) {
        throw new LecternError(
          'secrets-unavailable',
          'This computer has no keychain Lectern can use to store credentials safely. ' +
            'Set them as environment variables instead (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, GEMINI_API_KEY).',
        );
      }
      write({ ...read(), [name]: cipher.encryptString(value).toString('base64') });
    },
    delete(name) {
      const { [name]: _removed, ...rest } = read();
      write(rest);
    },
  };
}

const environmentNames: Record<SecretName, string> = {
  's3.accessKeyId': 'AWS_ACCESS_KEY_ID',
  's3.secretAccessKey': 'AWS_SECRET_ACCESS_KEY',
  'gemini.apiKey': 'GEMINI_API_KEY',
};

/** The CLI's secrets: the standard environment variables, read-only. */
export function createEnvironmentSecretStore(env: NodeJS.ProcessEnv = process.env): SecretStore {
  const get = (name: SecretName) => env[environmentNames[name]]?.trim() || null;
  return {
    get,
    has: (name) => get(name) !== null,
    set() {
      throw new LecternError('invalid-input', 'Secrets come from environment variables here; they cannot be changed.');
    },
    delete() {
      throw new LecternError('invalid-input', 'Secrets come from environment variables here; they cannot be changed.');
    },
  };
}

/** For tests and for a first run: secrets held in memory only. */
export function createMemorySecretStore(initial: Partial<Record<SecretName, string>> = {}): SecretStore {
  const secrets = new Map(Object.entries(initial) as [SecretName, string][]);
  return {
    get: (name) => secrets.get(name) ?? null,
    has: (name) => secrets.has(name),
    set: (name, value) => void secrets.set(name, value),
    delete: (name) => void secrets.delete(name),
  };
}
