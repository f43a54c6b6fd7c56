import { createPartFromBase64, createPartFromUri, GoogleGenAI, type Part } from '@google/genai';
import { z } from 'zod';
import { classifyHttpError, defaultBackoff, GeminiFailure, nextDelayMs, type BackoffPolicy } from './errors.ts';

export interface GeminiClientOptions {
  apiKey: string;
  model: string;
  /** Per attempt: a slow answer is abandoned, not waited for. */
  timeoutMs: number;
  /** Tests point this at a mock on 127.0.0.1; else GOOGLE_GEMINI_BASE_URL, else Google's endpoint. */
  baseUrl?: string;
  backoff?: BackoffPolicy;
  /** Called before each retry, for the job's log. */
  onRetry?: (failure: GeminiFailure, delayMs: number, attempt: number) => void;
}

export interface JsonRequest<T> {
  instruction: string;
  parts: Part[];
  /** Validates the answer; its JSON Schema is what Gemini is asked to follow. */
  schema: z.ZodType<T>;
  signal: AbortSignal;
}

export interface UploadedFile {
  name: string;
  uri: string;
  mimeType: string;
}

export interface GeminiClient {
  readonly model: string;
  generateJson<T>(request: JsonRequest<T>): Promise<T>;
  uploadFile(filePath: string, mimeType: string, signal: AbortSignal): Promise<UploadedFile>;
  deleteFile(name: string): Promise<void>;
}

export { createPartFromBase64, createPartFromUri };

/** The JSON Schema Gemini gets in `responseJsonSchema`: zod's, without the meta keys the API does not take. */
export function responseJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _meta, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal.removeEventListener('abort', stop);
      resolve();
    }
    function stop() {
      clearTimeout(timer);
      reject(new GeminiFailure('cancelled', 'cancelled'));
    }
    signal.addEventListener('abort', stop, { once: true });
  });
}

/**
 * A thin client over `@google/genai`: JSON answers validated with zod, our own retries (the SDK's do not honour
 * Retry-After), and failures as GeminiFailure. The key travels in the `x-goog-api-key` header only; no message
 * this module produces contains it, and anything that might is scrubbed.
 */
export function createGeminiClient(options: GeminiClientOptions): GeminiClient {
  const backoff = options.backoff ?? defaultBackoff;
  let lastHttpFailure: { status: number; body: string; retryAfter: string | null } | null = null;
  // Wrapping fetch lets us read the status, body and Retry-After of a refusal, which the SDK's ApiError drops.
  const watchedFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (!response.ok) {
      const body = await response
        .clone()
        .text()
        .catch(() => '');
      lastHttpFailure = { status: response.status, body, retryAfter: response.headers.get('retry-after') };
    }
    return response;
  };
  const baseUrl = options.baseUrl ?? process.env.GOOGLE_GEMINI_BASE_URL;
  const ai = new GoogleGenAI({
    apiKey: options.apiKey,
    httpOptions: { timeout: options.timeoutMs, fetch: watchedFetch, ...(baseUrl ? { baseUrl } : {}) },
  });
  const scrub = (text: string) => text.split(options.apiKey).join('[redacted]');

  function toFailure(error: unknown, signal: AbortSignal): GeminiFailure {
    if (error instanceof GeminiFailure) return error;
    if (signal.aborted) return new GeminiFailure('cancelled', 'cancelled');
    const http = lastHttpFailure;
    lastHttpFailure = null;
    if (http) return classifyHttpError(http.status, scrub(http.body), http.retryAfter);
    const name = error instanceof Error ? error.name : '';
    if (name === 'AbortError' || name === 'TimeoutError') {
      return new GeminiFailure('timeout', `Gemini did not answer within ${Math.round(options.timeoutMs / 1000)} s`);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new GeminiFailure('network', `Gemini could not be reached (${scrub(message)})`);
  }

  async function withRetries<T>(signal: AbortSignal, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      lastHttpFailure = null;
      try {
        return await call();
      } catch (error) {
        const failure = toFailure(error, signal);
        const delay = nextDelayMs(attempt, failure, backoff);
        if (delay === null) throw failure;
        options.onRetry?.(failure, delay, attempt);
        await sleep(delay, signal);
      }
    }
  }

  return {
    model: options.model,
    async generateJson<T>({ instruction, parts, schema, signal }: JsonRequest<T>): Promise<T> {
      const response = await withRetries(signal, () =>
        ai.models.generateContent({
          model: options.model,
          contents: [{ role: 'user', parts }],
          config: {
            systemInstruction: instruction,
            responseMimeType: 'application/json',
            responseJsonSchema: responseJsonSchema(schema),
            temperature: 0,
            abortSignal: signal,
          },
        }),
      );
      const text = response.text;
      if (!text) throw new GeminiFailure('invalid-output', 'Gemini gave an empty answer');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new GeminiFailure('invalid-output', 'Gemini’s answer was not valid JSON');
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') || 'the top level';
        throw new GeminiFailure('invalid-output', `Gemini’s answer did not have the expected shape (at ${where})`);
      }
      return parsed.data;
    },
    async uploadFile(filePath, mimeType, signal) {
      const file = await withRetries(signal, () =>
        ai.files.upload({ file: filePath, config: { mimeType, abortSignal: signal } }),
      );
      if (!file.name || !file.uri) throw new GeminiFailure('invalid-output', 'Gemini’s file upload gave no file name');
      return { name: file.name, uri: file.uri, mimeType: file.mimeType ?? mimeType };
    },
    async deleteFile(name) {
      await ai.files.delete({ name }).catch(() => {
        // Uploaded files expire on their own after 48 hours; a failed clean-up is not worth failing a lecture for.
      });
    },
  };
}
