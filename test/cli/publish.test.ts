import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { media } from '../env.ts';
import { runLectern, scratchDir } from '../support/lectern.ts';
import { allowCredentials, startS3Server, type TestS3Server } from '../support/s3Server.ts';

const credentials = { AWS_ACCESS_KEY_ID: 'LECTERNCLIKEY4R7T', AWS_SECRET_ACCESS_KEY: 'cli+Secret/Value-3k2j1h' };
allowCredentials({ accessKeyId: credentials.AWS_ACCESS_KEY_ID, secretAccessKey: credentials.AWS_SECRET_ACCESS_KEY });

const publishJson = z.strictObject({
  objects: z.array(
    z.strictObject({ key: z.string().min(1), etag: z.string().min(1), size: z.number().int(), url: z.url() }),
  ),
});

describe('lectern publish', () => {
  const scratch = scratchDir('lectern-cli-publish-');
  const dataDir = path.join(scratch.dir, 'data');
  const out = path.join(scratch.dir, 'out');
  let server: TestS3Server;
  let jobId: number;
  const env = () => ({
    LECTERN_DATA_DIR: dataDir,
    LECTERN_S3_BUCKET: 'lectures',
    LECTERN_S3_ENDPOINT: server.endpoint,
    LECTERN_S3_FORCE_PATH_STYLE: '1',
    LECTERN_S3_PREFIX: '{user}/{lecture}/{clip}/{date}',
    ...credentials,
  });

  beforeAll(async () => {
    server = await startS3Server({ buckets: ['lectures'] });
    const processed = await runLectern(
      [
        'process',
        media('physicsworks-lecture', 'physicsworks_audio.webm'),
        '--captions',
        media('physicsworks-lecture', 'whisper_medium_words.json'),
        '--clips',
        '2',
        '--out',
        out,
        '--json',
      ],
      { LECTERN_DATA_DIR: dataDir },
    );
    expect(processed.code).toBe(0);
    jobId = (JSON.parse(processed.stdout) as { jobs: { id: number }[] }).jobs[0]!.id;
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    scratch.cleanup();
  });

  it('--json prints exactly the objects with working links; every file of the job is there', async () => {
    const result = await runLectern(['publish', String(jobId), '--json'], env());
    expect(result.stderr).not.toMatch(/lectern:|Warning/);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const { objects } = publishJson.parse(JSON.parse(result.stdout));
    // 2 clips × (mp4, srt, vtt, jpg) + manifest.json
    expect(objects).toHaveLength(9);
    expect(objects.filter((o) => o.key.endsWith('.mp4'))).toHaveLength(2);
    const user = objects[0]!.key.split('/')[0];
    expect(objects.find((o) => o.key.endsWith('manifest.json'))?.key).toMatch(
      new RegExp(`^${user}/physicsworks-audio/\\d{4}-\\d\\d-\\d\\d/manifest\\.json$`),
    );
    for (const object of objects) {
      const response = await fetch(object.url);
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(bytes.length).toBe(object.size);
      const local = path.join(out, 'clips', path.basename(object.key));
      if (!object.key.endsWith('manifest.json')) {
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(
          createHash('sha256').update(readFileSync(local)).digest('hex'),
        );
      }
    }
  });

  it('human mode prints the links; wrong credentials, no bucket and no server get clear messages and exit codes', async () => {
    const human = await runLectern(['publish', String(jobId)], env());
    expect(human.code).toBe(0);
    expect(human.stderr).toMatch(/9 already there unchanged/);
    expect(human.stdout).toMatch(/^ {2}http:\/\/127\.0\.0\.1:\d+\/lectures\/.+\.mp4\?X-Amz-/m);

    const denied = await runLectern(['publish', String(jobId)], {
      ...env(),
      AWS_SECRET_ACCESS_KEY: 'wrong-Secret-8d7f',
    });
    expect(denied.code).toBe(2);
    expect(denied.stderr).toMatch(/secret access key does not match .* bucket "lectures" at http:\/\/127\.0\.0\.1/);

    const unconfigured = await runLectern(['publish', String(jobId)], {
      LECTERN_DATA_DIR: dataDir,
      ...credentials,
    });
    expect(unconfigured.code).toBe(2);
    expect(unconfigured.stderr).toMatch(/Publishing is not set up.*LECTERN_S3_BUCKET/);

    const unreachable = await runLectern(['publish', String(jobId)], {
      ...env(),
      LECTERN_S3_ENDPOINT: 'http://127.0.0.1:9',
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/could not reach bucket "lectures" at http:\/\/127\.0\.0\.1:9/);

    const logs = path.join(dataDir, 'logs');
    const logText = readdirSync(logs)
      .map((name) => readFileSync(path.join(logs, name), 'utf8'))
      .join('\n');
    // A pre-signed link names the access key ID (X-Amz-Credential), as every SigV4 link does; outside the links
    // neither the key ID nor, anywhere, a secret may appear.
    const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/g, '<link>');
    const outputs = [human, denied, unconfigured, unreachable].flatMap((r) => [r.stdout, r.stderr]).concat(logText);
    for (const output of outputs) {
      expect(output).not.toContain(credentials.AWS_SECRET_ACCESS_KEY);
      expect(output).not.toContain('wrong-Secret-8d7f');
      expect(withoutLinks(output)).not.toContain(credentials.AWS_ACCESS_KEY_ID);
    }
  });
});
