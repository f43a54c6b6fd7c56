import type { GeminiSettings } from '../../../shared/domain/appSettings.ts';
import type { SecretStore } from '../../settings/secretStore.ts';
import type { SettingsStore } from '../../settings/settingsStore.ts';
import type { BackoffPolicy } from './errors.ts';
import { createGeminiClient, type GeminiClient } from './client.ts';
import type { GeminiFailure } from './errors.ts';

/** Whether this job may talk to Gemini now, and if not, the reason in the lecturer's words. */
export type GeminiAccess =
  { allowed: true; connect(onRetry?: RetryListener): GeminiClient } | { allowed: false; reason: string };
export type RetryListener = (failure: GeminiFailure, delayMs: number, attempt: number) => void;

export interface GeminiAccessOptions {
  settings: SettingsStore;
  secrets: SecretStore;
  /** Tests' mock server; else GOOGLE_GEMINI_BASE_URL (read by the client), else Google. */
  baseUrl?: string;
  backoff?: BackoffPolicy;
}

/** What the pipeline asks before anything leaves the machine. */
export interface GeminiGate {
  access(): GeminiAccess;
}

/**
 * Nothing is sent unless a key is set AND the lecturer accepted the notice saying what leaves the machine
 * (`consentedAt`). Both are read at the moment of use, so removing the key in Settings stops the next request.
 */
export function createGeminiGate(options: GeminiAccessOptions): GeminiGate {
  return {
    access() {
      const apiKey = options.secrets.get('gemini.apiKey');
      if (!apiKey) return { allowed: false, reason: 'no Gemini API key is set' };
      const gemini: GeminiSettings = options.settings.get().gemini;
      if (!gemini.consentedAt) {
        return { allowed: false, reason: 'the notice about what Gemini receives has not been accepted in Settings' };
      }
      return {
        allowed: true,
        connect: (onRetry) =>
          createGeminiClient({
            apiKey,
            model: gemini.model,
            timeoutMs: gemini.timeoutSec * 1000,
            ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
            ...(options.backoff ? { backoff: options.backoff } : {}),
            ...(onRetry ? { onRetry } : {}),
          }),
      };
    },
  };
}

/** A gate that never opens: the pipeline in tests and tools that have no settings. */
export const closedGeminiGate: GeminiGate = {
  access: () => ({ allowed: false, reason: 'Gemini is not set up here' }),
};
