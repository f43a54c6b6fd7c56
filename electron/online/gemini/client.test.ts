import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  geminiError,
  geminiJson,
  geminiText,
  startGeminiMock,
  type GeminiMock,
} from '../../../test/support/geminiMock.ts';
import { createGeminiClient } from './client.ts';
import { GeminiFailure } from './errors.ts';

const apiKey = 'AIzaSy-test-key-that-must-never-be-printed';
const answer = z.object({ answer: z.number() });

describe('the Gemini client against a mock of the REST API', () => {
  let mock: GeminiMock;
  beforeAll(async () => {
    mock = await startGeminiMock();
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  const client = (timeoutMs = 5000) =>
    createGeminiClient({
      apiKey,
      model: 'gemini-test',
      timeoutMs,
      baseUrl: mock.url,
      backoff: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 5000 },
    });
  const ask = (timeoutMs?: number) =>
    client(timeoutMs).generateJson({
      instruction: 'Answer.',
      parts: [{ text: 'What is six times seven?' }],
      schema: answer,
      signal: new AbortController().signal,
    });
  const failureOf = async (promise: Promise<unknown>) => {
    const error: unknown = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GeminiFailure);
    return error as GeminiFailure;
  };

  it('asks for JSON with a schema, sends the key only in its header, and validates the answer', async () => {
    mock.queue(geminiJson({ answer: 42 }));
    await expect(ask()).resolves.toEqual({ answer: 42 });
    const [request] = mock.requests;
    expect(request?.path).toBe('/v1beta/models/gemini-test:generateContent');
    expect(request?.headers['x-goog-api-key']).toBe(apiKey);
    expect(JSON.stringify(request?.body)).not.toContain(apiKey);
    const config = mock.generateRequests()[0]?.body.generationConfig;
    expect(config?.responseMimeType).toBe('application/json');
    expect(config?.responseJsonSchema).toMatchObject({ type: 'object', required: ['answer'] });
  });

  it('refuses an answer that is not JSON, or JSON of the wrong shape, without asking again', async () => {
    mock.queue(geminiText('{"answer": 42'));
    expect((await failureOf(ask())).kind).toBe('invalid-output');
    mock.queue(geminiJson({ answer: 'forty-two' }));
    expect((await failureOf(ask())).kind).toBe('invalid-output');
    expect(mock.requests).toHaveLength(2);
  });

  it('waits as long as a 429 asks (Retry-After), then succeeds', async () => {
    mock.queue(geminiError(429, 'Resource has been exhausted (e.g. check quota).', { 'Retry-After': '1' }));
    mock.queue(geminiJson({ answer: 42 }));
    await expect(ask()).resolves.toEqual({ answer: 42 });
    expect(mock.requests).toHaveLength(2);
    expect(mock.requests[1]!.at - mock.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up on repeated 500s after the last attempt', async () => {
    mock.handle(() => geminiError(500, 'An internal error has occurred.'));
    const failure = await failureOf(ask());
    expect(failure.kind).toBe('server');
    expect(mock.requests).toHaveLength(4);
  });

  it('does not retry a used-up daily quota', async () => {
    mock.queue(geminiError(429, 'You exceeded your current quota. Quota: GenerateRequestsPerDayPerProjectPerModel'));
    expect((await failureOf(ask())).kind).toBe('quota');
    expect(mock.requests).toHaveLength(1);
  });

  it('abandons a response slower than the timeout', async () => {
    mock.queue({ ...geminiJson({ answer: 42 }), delayMs: 3000 });
    const started = Date.now();
    const failure = await failureOf(ask(300));
    expect(failure.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('never puts the key in a failure message', async () => {
    mock.queue(geminiError(403, `API key not valid: ${apiKey}`));
    const failure = await failureOf(ask());
    expect(failure.kind).toBe('rejected');
    expect(failure.message).not.toContain(apiKey);
  });

  it('uploads through the Files API and deletes the file again', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'gemini-upload-')), 'excerpt.ogg');
    writeFileSync(file, Buffer.alloc(4096, 1));
    const gemini = client();
    const uploaded = await gemini.uploadFile(file, 'audio/ogg', new AbortController().signal);
    expect(uploaded.mimeType).toBe('audio/ogg');
    await gemini.deleteFile(uploaded.name);
    expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /upload/v1beta/files',
      'POST /upload-session/1',
      `DELETE /v1beta/${uploaded.name}`,
    ]);
  });
});
