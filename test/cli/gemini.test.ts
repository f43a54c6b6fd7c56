import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sentence } from '../../shared/domain/transcript.ts';
import { fitToRecording, loadTranscriptFile } from '../../electron/pipeline/transcript/captions/loadCaptions.ts';
import { media } from '../env.ts';
import { geminiJson, startGeminiMock, type GeminiMock, type GenerateRequest } from '../support/geminiMock.ts';
import { runLectern, scratchDir, type CliResult } from '../support/lectern.ts';

const apiKey = 'AIzaSyC-cli-test-key-never-printed-0123456';
const recording = media('physicsworks-lecture', 'physicsworks_audio.webm');
const captions = media('physicsworks-lecture', 'whisper_medium_words.json');

/**
 * A model that hears exactly what the captions say: for each excerpt, the caption sentences whose middle lies in
 * it, with times (and word times) from the excerpt's start. So the Gemini path gets the captions path's words.
 */
function answerFromCaptions(sentences: readonly Sentence[]) {
  return (request: GenerateRequest) => {
    const [, from, to] = /(\d+(?:\.\d+)?) s to (\d+(?:\.\d+)?) s of the recording/.exec(request.text) ?? [];
    const start = Number(from);
    const end = Number(to);
    const rel = (t: number) => Math.round((t - start) * 1000) / 1000;
    const heard = sentences.filter((s) => (s.start + s.end) / 2 >= start && (s.start + s.end) / 2 < end);
    return geminiJson({
      language: 'en',
      sentences: heard.map((s) => ({
        start: rel(s.start),
        end: rel(s.end),
        text: s.text,
        ...(s.words ? { words: s.words.map((w) => ({ start: rel(w.start), end: rel(w.end), text: w.text })) } : {}),
      })),
    });
  };
}

function textFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.(json|srt|vtt|txt|ffmetadata|edl|fcpxml)$/.test(entry.name)) {
        out[rel] = readFileSync(path.join(dir, rel), 'utf8');
      }
    }
  };
  walk('');
  return out;
}

function mediaFiles(dir: string): string[] {
  return readdirSync(path.join(dir, 'clips'))
    .filter((f) => /\.(mp4|jpg)$/.test(f))
    .sort();
}

describe('lectern process --engine gemini', () => {
  const scratch = scratchDir('lectern-cli-gemini-');
  let mock: GeminiMock;
  let viaCaptions: CliResult;
  let viaGemini: CliResult;

  beforeAll(async () => {
    mock = await startGeminiMock();
    const transcript = await loadTranscriptFile(captions);
    mock.handle(answerFromCaptions(fitToRecording(transcript, 203.3).sentences));
    const out = (name: string) => path.join(scratch.dir, name);
    viaCaptions = await runLectern(['process', recording, '--captions', captions, '--out', out('captions'), '--json'], {
      LECTERN_DATA_DIR: out('data-captions'),
    });
    viaGemini = await runLectern(['process', recording, '--engine', 'gemini', '--out', out('gemini'), '--json'], {
      LECTERN_DATA_DIR: out('data-gemini'),
      GEMINI_API_KEY: apiKey,
      GOOGLE_GEMINI_BASE_URL: mock.url,
    });
  }, 400_000);
  afterAll(async () => {
    await mock?.close();
    scratch.cleanup();
  });

  it('asks Gemini for the transcript, sending speech excerpts as audio', () => {
    expect(viaGemini.code, viaGemini.stderr).toBe(0);
    const requests = mock.generateRequests();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.media.length === 1 && r.media[0] === 'audio/ogg')).toBe(true);
    const { jobs } = JSON.parse(viaGemini.stdout) as { jobs: { status: string }[] };
    expect(jobs[0]?.status).toBe('done');
  });

  it('produces the same clips, manifest and subtitles as the captions path', () => {
    expect(viaCaptions.code, viaCaptions.stderr).toBe(0);
    const a = path.join(scratch.dir, 'captions');
    const b = path.join(scratch.dir, 'gemini');
    const expected = textFiles(a);
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['manifest.json', 'transcript.srt']));
    expect(Object.keys(expected).some((f) => f.startsWith('clips') && f.endsWith('.srt'))).toBe(true);
    expect(textFiles(b)).toEqual(expected);
    expect(mediaFiles(b)).toEqual(mediaFiles(a));
    for (const file of mediaFiles(a)) expect(statSync(path.join(b, 'clips', file)).size).toBeGreaterThan(0);
  });

  it('refuses an engine it does not know, before doing anything', async () => {
    const result = await runLectern(['process', recording, '--engine', 'whisper'], {
      LECTERN_DATA_DIR: path.join(scratch.dir, 'data-refused'),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--engine must be auto, local or gemini');
  });

  it('never prints the key or writes it to the log files', () => {
    expect(viaGemini.stdout + viaGemini.stderr).not.toContain(apiKey);
    const logs = path.join(scratch.dir, 'data-gemini', 'logs');
    const text = readdirSync(logs)
      .map((f) => readFileSync(path.join(logs, f), 'utf8'))
      .join('\n');
    expect(text).toContain('stage finished');
    expect(text).not.toContain(apiKey);
  });
});
