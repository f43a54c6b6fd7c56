import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLogger, createLogger, jobLogger, logsDir, type Logger } from './logger.ts';

const awsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const awsKeyId = 'AKIAIOSFODNN7EXAMPLE';
const clerkKey = 'sk_live_2f9aQ8eLmN0pRsTuVwXyZ1';

let dataDir = '';
let logger: Logger;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-log-'));
  logger = createLogger({ dataDir, level: 'debug' });
});

afterEach(() => {
  closeLogger(logger);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function logFile(): string {
  return fs.readFileSync(path.join(logsDir(dataDir), 'lectern.log'), 'utf8');
}

function logLines(): Record<string, unknown>[] {
  return logFile()
    .trimEnd()
    .split('\n')
    .map((text) => JSON.parse(text) as Record<string, unknown>);
}

describe('createLogger', () => {
  it('writes one JSON object per line, with the job id on every line of a job', () => {
    const job = jobLogger(logger, 42);
    job.info({ stage: 'audio' }, 'stage started');
    job.child({ stage: 'clips' }).warn('no pause near 12:30, cutting mid-sentence');
    logger.debug('queue idle');

    const lines = logLines();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 30, jobId: 42, stage: 'audio', msg: 'stage started', pid: process.pid });
    expect(lines[1]).toMatchObject({ level: 40, jobId: 42, stage: 'clips' });
    expect(lines[2]).not.toHaveProperty('jobId');
    expect(lines[0]).not.toHaveProperty('hostname');
    expect(typeof lines[0]?.time).toBe('string');
  });

  it('censors secrets under key-like names, at the top level and one level down', () => {
    logger.info(
      {
        apiKey: 'plain-api-key-value',
        password: 'hunter2-correct-horse',
        aws: { accessKeyId: 'id-value-1', secretAccessKey: 'secret-value-2', sessionToken: 'session-value-3' },
        request: { headers: { authorization: 'token-value-4' } },
        model: 'whisper-base',
      },
      'model download configured',
    );
    const content = logFile();
    for (const secret of [
      'plain-api-key-value',
      'hunter2-correct-horse',
      'id-value-1',
      'secret-value-2',
      'session-value-3',
      'token-value-4',
    ]) {
      expect(content).not.toContain(secret);
    }
    const [line] = logLines();
    expect(line).toMatchObject({ apiKey: '[redacted]', aws: { secretAccessKey: '[redacted]' }, model: 'whisper-base' });
  });

  it('masks secret-shaped text in messages, printf arguments, nested values and error stacks', () => {
    const signedUrl = `https://lectern-models.s3.amazonaws.com/base.bin?X-Amz-Credential=${awsKeyId}%2F20240101&X-Amz-Signature=5d41402abc4b2a76b9719d911017c592`;
    logger.info(`uploading with ${awsKeyId} and secret=${awsSecret}`);
    logger.info('signed in as %s with %s', 'ana@example.edu', `Bearer ${clerkKey}`);
    logger.warn({ download: { url: signedUrl } }, 'retrying');
    logger.error({ err: new Error(`403 from ${signedUrl}`) }, 'model download failed');

    const content = logFile();
    for (const secret of [awsKeyId, awsSecret, clerkKey, '5d41402abc4b2a76b9719d911017c592']) {
      expect(content).not.toContain(secret);
    }
    const lines = logLines();
    expect(lines).toHaveLength(4);
    expect(lines[1]?.msg).toBe('signed in as ana@example.edu with Bearer [redacted]');
    expect(lines[3]).toMatchObject({ msg: 'model download failed', err: { type: 'Error' } });
  });

  it('sends the same scrubbed lines to an extra stream', () => {
    const extra: string[] = [];
    const teeLogger = createLogger({ dataDir, stream: { write: (text) => extra.push(text) } });
    teeLogger.info(`key ${awsKeyId}`);
    closeLogger(teeLogger);
    expect(extra).toHaveLength(1);
    expect(extra[0]).not.toContain(awsKeyId);
    expect(logFile()).toBe(extra[0]);
  });
});
