import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobSettings } from '../../shared/domain/settings.ts';
import { processingLogFor } from '../../electron/db/jobsRepo.ts';
import { contentSegments, transcripts } from '../../electron/db/schema/index.ts';
import { createServices, type Services } from '../../electron/services/container.ts';
import { createMemorySecretStore } from '../../electron/settings/secretStore.ts';
import { createSettingsStore } from '../../electron/settings/settingsStore.ts';
import { captionedJfk } from '../support/captions.ts';
import {
  geminiError,
  geminiJson,
  geminiText,
  startGeminiMock,
  type GeminiMock,
  type GenerateRequest,
  type MockReply,
} from '../support/geminiMock.ts';
import { scratchDir } from '../support/lectern.ts';

const apiKey = 'AIzaSyD-pipeline-test-key-0123456789abcdef';

/** What a model would hear in JFK's excerpt, as two sentences with word times, relative to the excerpt. */
function transcribeJfk(request: GenerateRequest): MockReply {
  const [, from] = /(\d+(?:\.\d+)?) s to (\d+(?:\.\d+)?) s of the recording/.exec(request.text) ?? [];
  const offset = Number(from ?? 0);
  const at = (t: number) => Math.max(0, t - offset);
  return geminiJson({
    language: 'en',
    sentences: [
      {
        start: at(0.3),
        end: at(5.2),
        text: 'And so my fellow Americans, ask not what your country can do for you.',
        words: [
          { start: at(0.3), end: at(0.6), text: 'And' },
          { start: at(0.6), end: at(0.9), text: 'so' },
        ],
      },
      { start: at(6.1), end: at(10.5), text: 'Ask what you can do for your country.' },
    ],
  });
}

const oneSegment = geminiJson({
  segments: [
    {
      firstSentence: 0,
      title: 'Ask what you can do',
      topic: 'civic duty, country',
      importance: 0.9,
      reasons: ['the speech’s central appeal'],
    },
  ],
});

/** Transcription requests carry audio; analysis requests only the transcript. */
function answer(transcription: () => MockReply, analysis: () => MockReply) {
  return (request: GenerateRequest) => (request.media.length > 0 ? transcription() : analysis());
}

describe('Gemini in the pipeline, against a mock of its REST API', () => {
  const scratch = scratchDir('lectern-gemini-');
  let mock: GeminiMock;
  let services: Services;
  let recording: string;
  const settings = createSettingsStore(null);

  beforeAll(async () => {
    mock = await startGeminiMock();
    recording = captionedJfk(scratch.dir);
    settings.update({
      gemini: { ...settings.get().gemini, model: 'gemini-mock', consentedAt: '2026-01-01T00:00:00Z', timeoutSec: 5 },
    });
    services = await createServices({
      dataDir: path.join(scratch.dir, 'data'),
      outputRoot: path.join(scratch.dir, 'out'),
      settings,
      secrets: createMemorySecretStore({ 'gemini.apiKey': apiKey }),
      gemini: { baseUrl: mock.url, backoff: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 5000 } },
    });
  });
  afterAll(async () => {
    await services?.shutdown();
    await mock?.close();
    scratch.cleanup();
  });
  beforeEach(() => mock.reset());

  async function process(overrides: Partial<JobSettings>) {
    const job = await services.jobs.addOne(recording, {
      outputDir: scratchDir('lectern-gemini-out-').dir,
      ...overrides,
    });
    await services.queue.whenIdle();
    const db = services.db;
    return {
      job: services.jobs.get(job.id),
      transcript: db.select().from(transcripts).where(eq(transcripts.jobId, job.id)).get(),
      segments: db.select().from(contentSegments).where(eq(contentSegments.jobId, job.id)).all(),
      notes: processingLogFor(db, job.id).map((l) => `${l.level}: ${l.message}`),
    };
  }

  it('transcribes speech excerpts as inline audio and finds the topics with Gemini', async () => {
    mock.handle(
      answer(
        () => transcribeJfk(mock.generateRequests().at(-1)!),
        () => oneSegment,
      ),
    );
    const result = await process({ transcription: 'gemini', analysis: 'gemini' });
    expect(result.job.status).toBe('done');
    expect(result.transcript?.source).toBe('gemini');
    expect(result.transcript?.origin).toBe('gemini-mock');
    expect(result.transcript?.language).toBe('en');
    const sentences = result.transcript!.segments;
    expect(sentences.map((s) => s.text)).toEqual([
      'And so my fellow Americans, ask not what your country can do for you.',
      'Ask what you can do for your country.',
    ]);
    // Back on the recording's timeline, whatever the excerpt's start was.
    expect(sentences[0]!.start).toBeCloseTo(0.3, 3);
    expect(sentences[1]!.end).toBeCloseTo(10.5, 3);
    expect(sentences[0]!.words?.[1]).toEqual({ start: 0.6, end: 0.9, text: 'so' });
    expect(result.segments.map((s) => [s.source, s.title, s.start])).toEqual([['gemini', 'Ask what you can do', 0.3]]);

    const [audio, analysis] = mock.generateRequests();
    expect(audio?.media).toEqual(['audio/ogg']);
    expect(audio?.text).toMatch(/Excerpt 1 of 1: [\d.]+ s to [\d.]+ s of the recording/);
    expect(audio?.body.generationConfig?.responseMimeType).toBe('application/json');
    // Analysis sends the transcript text, nothing else.
    expect(analysis?.media).toEqual([]);
    expect(analysis?.text).toContain('[1] 0:06 Ask what you can do for your country.');
    expect(result.notes).toContain('info: Found 1 topics with Gemini.');
  });

  it('falls back to the captions when Gemini keeps failing, and to the local analysis on malformed JSON', async () => {
    mock.handle(
      answer(
        () => geminiError(500, 'An internal error has occurred.'),
        () => geminiText('{"segments": ['),
      ),
    );
    const result = await process({ transcription: 'gemini', analysis: 'gemini' });
    expect(result.job.status).toBe('done');
    expect(result.transcript?.source).toBe('captions');
    expect(result.segments.every((s) => s.source === 'local')).toBe(true);
    // Three attempts at the transcript, one at the topics (a malformed answer is not asked again).
    expect(mock.generateRequests().map((r) => r.media.length > 0)).toEqual([true, true, true, false]);
    expect(result.notes).toContain(
      'warn: Gemini was not used for the transcript: Gemini had a problem on its side (HTTP 500). Used the captions instead.',
    );
    expect(result.notes).toContain(
      'warn: Gemini was not used for the topics: Gemini’s answer was not valid JSON. Used the local analysis instead.',
    );
  });

  it('waits out a 429 and then uses Gemini’s answer', async () => {
    mock.queue(geminiError(429, 'Resource has been exhausted (e.g. check quota).', { 'Retry-After': '1' }));
    mock.handle(
      answer(
        () => transcribeJfk(mock.generateRequests().at(-1)!),
        () => oneSegment,
      ),
    );
    const result = await process({ transcription: 'gemini', analysis: 'local' });
    expect(result.transcript?.source).toBe('gemini');
    const [first, second] = mock.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(result.notes.some((n) => n.startsWith('warn:'))).toBe(false);
  });

  it('abandons a response slower than the timeout and uses the captions', async () => {
    mock.handle(
      answer(
        () => ({ ...transcribeJfk(mock.generateRequests().at(-1)!), delayMs: 8000 }),
        () => oneSegment,
      ),
    );
    const started = Date.now();
    const result = await process({ transcription: 'gemini', analysis: 'local' });
    expect(result.transcript?.source).toBe('captions');
    expect(result.notes).toContain(
      'warn: Gemini was not used for the transcript: Gemini did not answer within 5 s. Used the captions instead.',
    );
    expect(Date.now() - started).toBeLessThan(8000 + 30_000);
    expect(mock.generateRequests()).toHaveLength(1);
  });

  it('sends nothing until the lecturer has accepted the notice', async () => {
    const consented = settings.get().gemini;
    settings.update({ gemini: { ...consented, consentedAt: null } });
    try {
      const result = await process({ transcription: 'gemini', analysis: 'gemini' });
      expect(mock.requests).toHaveLength(0);
      expect(result.transcript?.source).toBe('captions');
      expect(result.notes.join('\n')).toMatch(
        /Gemini was not used for the transcript: the notice .* not been accepted/,
      );
    } finally {
      settings.update({ gemini: consented });
    }
  });

  it('with "auto", turns to Gemini when there are no captions and no local model', async () => {
    const bare = scratchDir('lectern-gemini-bare-');
    try {
      const { copyFileSync } = await import('node:fs');
      const uncaptioned = path.join(bare.dir, 'jfk-no-captions.mp3');
      copyFileSync(recording, uncaptioned);
      mock.handle(
        answer(
          () => transcribeJfk(mock.generateRequests().at(-1)!),
          () => oneSegment,
        ),
      );
      const job = await services.jobs.addOne(uncaptioned, {
        outputDir: path.join(bare.dir, 'out'),
        transcription: 'auto',
      });
      await services.queue.whenIdle();
      const transcript = services.db.select().from(transcripts).where(eq(transcripts.jobId, job.id)).get();
      expect(transcript?.source).toBe('gemini');
      expect(mock.generateRequests()).toHaveLength(1);
    } finally {
      bare.cleanup();
    }
  });

  it('never writes the key to the log files or the processing log', () => {
    services.logger.flush?.();
    const logs = path.join(scratch.dir, 'data', 'logs');
    const text = readdirSync(logs)
      .map((f) => readFileSync(path.join(logs, f), 'utf8'))
      .join('\n');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(apiKey);
    const notes = services.db.$client.prepare('select message from processing_logs').pluck().all().join('\n');
    expect(notes).toContain('Gemini');
    expect(notes).not.toContain(apiKey);
  });
});
