import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3SettingsSchema, type S3Settings } from '../../shared/domain/appSettings.ts';
import type { PublishProgress } from '../../shared/domain/publish.ts';
import { LecternError } from '../../shared/errors.ts';
import { closeDatabase, openDatabase, type LecternDb } from '../../electron/db/open.ts';
import { multipartParts, multipartUploads, publishedObjects } from '../../electron/db/schema/index.ts';
import { closeLogger, createLogger, logsDir } from '../../electron/logging/logger.ts';
import { readMetadataValue } from '../../electron/publish/objectMetadata.ts';
import { createPublisher, type Publisher } from '../../electron/publish/publisher.ts';
import { partSizeBytes } from '../../electron/publish/resumableUpload.ts';
import { createMemorySecretStore } from '../../electron/settings/secretStore.ts';
import { scratchDir } from '../support/lectern.ts';
import { createPublishableJob, type PublishableJob } from '../support/publishFixture.ts';
import { allowCredentials, startS3Server, type TestS3Server } from '../support/s3Server.ts';

const credentials = { accessKeyId: 'LECTERNTESTKEY7Q2Z', secretAccessKey: 'sEcReT+publish/TestValue+9x8y7w' };
allowCredentials(credentials);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fileSha = (file: string) => sha256(readFileSync(file));

function settingsFor(server: TestS3Server, bucket = 'lectures'): S3Settings {
  return s3SettingsSchema.parse({ bucket, endpoint: server.endpoint, forcePathStyle: true, region: 'us-east-1' });
}

function s3For(server: TestS3Server): S3Client {
  return new S3Client({
    region: 'us-east-1',
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

async function bucketState(server: TestS3Server, bucket = 'lectures') {
  const s3 = s3For(server);
  try {
    const objects = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    return { keys: (objects.Contents ?? []).map((o) => o.Key!).sort(), uploads: uploads.Uploads ?? [] };
  } finally {
    s3.destroy();
  }
}

async function getBytes(server: TestS3Server, key: string, bucket = 'lectures'): Promise<Uint8Array> {
  const s3 = s3For(server);
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return await object.Body!.transformToByteArray();
  } finally {
    s3.destroy();
  }
}

/** One lecturer's machine: a database file, a log folder, keychain secrets, and a publisher over them. */
function openMachine(
  dataDir: string,
  settings: () => S3Settings | null,
  secrets = createMemorySecretStore({
    's3.accessKeyId': credentials.accessKeyId,
    's3.secretAccessKey': credentials.secretAccessKey,
  }),
) {
  const db: LecternDb = openDatabase(path.join(dataDir, 'lectern.db'));
  const logger = createLogger({ dataDir });
  const publisher: Publisher = createPublisher({ db, logger, s3Settings: settings, secrets, userName: () => 'ada' });
  return {
    db,
    publisher,
    async close() {
      await publisher.shutdown();
      logger.flush();
      closeLogger(logger);
      closeDatabase(db);
    },
  };
}

function uploadPartRequests(server: TestS3Server, from: number) {
  return server.requests.slice(from).filter((r) => r.method === 'PUT' && r.query.partNumber !== undefined);
}

describe('publishing a job to a real S3 server', () => {
  const scratch = scratchDir('lectern-publish-');
  const dataDir = path.join(scratch.dir, 'data');
  let server: TestS3Server;
  let job: PublishableJob;

  beforeAll(async () => {
    server = await startS3Server({ buckets: ['lectures'] });
    const machine = openMachine(dataDir, () => null);
    job = await createPublishableJob(machine.db, path.join(scratch.dir, 'output'));
    await machine.close();
  });
  afterAll(async () => {
    await server?.stop().catch(() => {});
    scratch.cleanup();
  });

  it('uploads a 30 MB clip in parts; HEAD, GET and the pre-signed link return its exact bytes', async () => {
    const machine = openMachine(dataDir, () => settingsFor(server));
    const progress: PublishProgress[] = [];
    machine.publisher.onProgress((p) => progress.push(p));
    try {
      const before = server.requests.length;
      const summary = await machine.publisher.publish(job.jobId);
      expect(summary.status).toBe('complete');
      expect(summary.objects).toHaveLength(9);
      const large = summary.objects.find((o) => o.kind === 'video' && o.size > 20 * 1024 * 1024)!;
      expect(large.key).toBe('physics-101-energy/01-work-is-force-times-distance/01-work-is-force-times-distance.mp4');
      expect(uploadPartRequests(server, before)).toHaveLength(Math.ceil(large.size / partSizeBytes));

      const local = readFileSync(job.largeClip);
      const s3 = s3For(server);
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'lectures', Key: large.key }));
      s3.destroy();
      expect(head.ContentLength).toBe(local.length);
      expect(head.ContentType).toBe('video/mp4');
      expect(head.ETag).toBe(large.etag);
      expect(head.Metadata?.sha256).toBe(sha256(local));
      expect(readMetadataValue(head.Metadata!.topic!)).toBe('Work and energy');
      expect(sha256(await getBytes(server, large.key))).toBe(sha256(local));

      const download = await fetch(large.url);
      expect(download.status).toBe(200);
      expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(local));

      // Non-ASCII metadata travels RFC 2047-encoded and reads back as written.
      const accented = summary.objects.find((o) => o.kind === 'srt' && o.title?.startsWith('Énergie'))!;
      const s3b = s3For(server);
      const accentedHead = await s3b.send(new HeadObjectCommand({ Bucket: 'lectures', Key: accented.key }));
      s3b.destroy();
      expect(accentedHead.ContentType).toBe('application/x-subrip; charset=utf-8');
      expect(readMetadataValue(accentedHead.Metadata!.title!)).toBe('Énergie potentielle: ½mv² ≠ mgh');
      expect(readMetadataValue(accentedHead.Metadata!.topic!)).toBe('Énergie potentielle — ½mv²');

      // The manifest in the bucket points at the clips' keys, relative to its own.
      const manifest = summary.objects.find((o) => o.kind === 'manifest')!;
      expect(manifest.key).toBe('physics-101-energy/manifest.json');
      const published = JSON.parse(Buffer.from(await getBytes(server, manifest.key)).toString('utf8')) as {
        clips: { file: string }[];
      };
      expect(published.clips.map((c) => `physics-101-energy/${c.file}`)).toContain(large.key);

      // Progress: per file and in total, ending with every byte confirmed.
      const last = progress.at(-1)!;
      expect(last.status).toBe('complete');
      expect(last.sentBytes).toBe(last.totalBytes);
      const largeSteps = progress.map((p) => p.files.find((f) => f.key === large.key)!.sentBytes);
      expect(largeSteps.some((b) => b > 0 && b < large.size)).toBe(true);

      expect(await bucketState(server)).toEqual({
        keys: summary.objects.map((o) => o.key).sort(),
        uploads: [],
      });
      expect(machine.db.select().from(multipartUploads).all()).toEqual([]);
    } finally {
      await machine.close();
    }
  });

  it('publishing again sends nothing: every object is already there, identical', async () => {
    const machine = openMachine(dataDir, () => settingsFor(server));
    try {
      const before = server.requests.length;
      const summary = await machine.publisher.publish(job.jobId);
      expect(summary.status).toBe('complete');
      expect(summary.unchangedCount).toBe(summary.fileCount);
      expect(summary.objects).toHaveLength(9);
      expect(server.requests.slice(before).filter((r) => r.method === 'PUT' || r.method === 'POST')).toEqual([]);
      // The status shows the same links, still valid.
      const status = await machine.publisher.status(job.jobId);
      expect(status?.objects.map((o) => o.url)).toEqual(summary.objects.map((o) => o.url));
    } finally {
      await machine.close();
    }
  });

  it('refuses wrong credentials and a missing bucket with what is wrong, naming the bucket, never a secret', async () => {
    const wrongSecret = createMemorySecretStore({
      's3.accessKeyId': credentials.accessKeyId,
      's3.secretAccessKey': 'not-the-secret-Zq81',
    });
    const unknownKey = createMemorySecretStore({
      's3.accessKeyId': 'UNKNOWNKEYID00000000',
      's3.secretAccessKey': credentials.secretAccessKey,
    });
    const failures: LecternError[] = [];
    const capture = async (work: Promise<unknown>) => {
      const error = await work.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(LecternError);
      failures.push(error as LecternError);
      return error as LecternError;
    };
    for (const secrets of [wrongSecret, unknownKey]) {
      const machine = openMachine(dataDir, () => settingsFor(server), secrets);
      try {
        const publishError = await capture(machine.publisher.publish(job.jobId));
        expect(publishError.code).toBe('s3-access-denied');
        expect(publishError.message).toContain('"lectures"');
        expect(publishError.message).toContain(server.endpoint);
        const testError = await capture(machine.publisher.testConnection());
        expect(testError.code).toBe('s3-access-denied');
      } finally {
        await machine.close();
      }
    }
    const machine = openMachine(dataDir, () => settingsFor(server, 'no-such-bucket'));
    try {
      const missing = await capture(machine.publisher.publish(job.jobId));
      expect(missing.code).toBe('s3-bucket-missing');
      expect(missing.message).toContain('"no-such-bucket"');
      expect(missing.message).toContain(server.endpoint);
      const check = await machine.publisher.testConnection(settingsFor(server));
      expect(check.message).toContain('"lectures"');
    } finally {
      await machine.close();
    }
    for (const failure of failures) {
      for (const secret of [credentials.secretAccessKey, credentials.accessKeyId, 'not-the-secret-Zq81']) {
        expect(failure.message).not.toContain(secret);
      }
    }
  });

  it('keeps secrets out of the log folder', () => {
    const logs = logsDir(dataDir);
    const text = readdirSync(logs)
      .map((name) => readFileSync(path.join(logs, name), 'utf8'))
      .join('\n');
    expect(text).toContain('publication complete');
    for (const secret of [credentials.secretAccessKey, credentials.accessKeyId, 'not-the-secret-Zq81']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('a publication cut off by the server going away', () => {
  const scratch = scratchDir('lectern-publish-resume-');
  const dataDir = path.join(scratch.dir, 'data');
  let server: TestS3Server;
  let job: PublishableJob;

  beforeAll(async () => {
    // The bucket's folder outlives the first server, as a store's disks outlive its process.
    server = await startS3Server({ buckets: ['lectures'], directory: path.join(scratch.dir, 's3') });
    const machine = openMachine(dataDir, () => null);
    job = await createPublishableJob(machine.db, path.join(scratch.dir, 'output'));
    await machine.close();
  });
  afterAll(async () => {
    await server?.stop().catch(() => {});
    scratch.cleanup();
  });

  it('fails clearly with nothing reported published, then resumes from the stored parts to an identical object', async () => {
    const settings = () => settingsFor(server);
    const first = openMachine(dataDir, settings);
    let stopping: Promise<void> | null = null;
    // Only part 1 gets through: the server goes away once it is confirmed, with the other parts in flight.
    server.holdUploads((request) => request.query.partNumber !== undefined && request.query.partNumber !== '1');
    first.publisher.onProgress((p) => {
      const large = p.files.find((f) => f.size > 20 * 1024 * 1024);
      if (!stopping && large && large.sentBytes >= partSizeBytes) stopping = server.stop();
    });
    let failure: unknown;
    try {
      failure = await first.publisher.publish(job.jobId).catch((e: unknown) => e);
      await stopping;
      expect(failure).toBeInstanceOf(LecternError);
      expect((failure as LecternError).code).toBe('s3-unreachable');
      expect((failure as LecternError).message).toContain(server.endpoint);
      expect((failure as LecternError).message).toContain('"lectures"');
      const status = await first.publisher.status(job.jobId);
      expect(status?.status).toBe('failed');
      expect(status?.objects).toEqual([]);
      expect(
        first.db
          .select()
          .from(publishedObjects)
          .all()
          .every((o) => o.status !== 'complete'),
      ).toBe(true);
      expect(first.db.select({ part: multipartParts.partNumber }).from(multipartParts).all()).toEqual([{ part: 1 }]);
    } finally {
      // The app quits; the server comes back on the same folder and address.
      await first.close();
    }

    server = await startS3Server({ directory: server.directory, port: server.port });
    const second = openMachine(dataDir, settings);
    try {
      const before = server.requests.length;
      const summary = await second.publisher.publish(job.jobId);
      expect(summary.status).toBe('complete');
      const large = summary.objects.find((o) => o.size > 20 * 1024 * 1024)!;
      // Parts 2… only: part 1 is kept from before the cut.
      const resent = uploadPartRequests(server, before).map((r) => Number(r.query.partNumber));
      const partCount = Math.ceil(large.size / partSizeBytes);
      expect(resent.sort((a, b) => a - b)).toEqual(Array.from({ length: partCount - 1 }, (_, i) => i + 2));
      expect(server.requests.slice(before).some((r) => r.method === 'GET' && r.query.uploadId)).toBe(true);
      expect(sha256(await getBytes(server, large.key))).toBe(fileSha(job.largeClip));
      expect(await bucketState(server)).toEqual({ keys: summary.objects.map((o) => o.key).sort(), uploads: [] });
      expect(summary.objects).toHaveLength(9);
      expect(second.db.select().from(multipartUploads).all()).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('a file changed since its upload was interrupted is uploaded afresh; the stale upload is discarded', async () => {
    const settings = s3SettingsSchema.parse({ ...settingsFor(server), prefixTemplate: 'changed/{lecture}/{clip}' });
    const first = openMachine(dataDir, () => settingsFor(server));
    const release = server.holdUploads((r) => r.query.partNumber !== undefined && r.query.partNumber !== '1');
    let quitting: Promise<void> | null = null;
    first.publisher.onProgress((p) => {
      const large = p.files.find((f) => f.size > 20 * 1024 * 1024);
      // Lectern quits mid-upload: the upload is kept to resume.
      if (!quitting && large && large.sentBytes >= partSizeBytes) quitting = first.publisher.shutdown();
    });
    const stopped = await first.publisher.publish(job.jobId, { settings }).catch((e: unknown) => e);
    await quitting;
    expect((stopped as LecternError).code).toBe('cancelled');
    expect((stopped as LecternError).message).toMatch(/Lectern was closing/);
    expect(first.db.select().from(multipartUploads).all()).toHaveLength(1);
    await first.close();
    release();

    // The lecturer re-renders the clip meanwhile: its bytes differ from the interrupted upload's.
    appendFileSync(job.largeClip, Buffer.from('re-rendered'));
    const second = openMachine(dataDir, () => settingsFor(server));
    try {
      const summary = await second.publisher.publish(job.jobId, { settings });
      const large = summary.objects.find((o) => o.size > 20 * 1024 * 1024)!;
      expect(sha256(await getBytes(server, large.key))).toBe(fileSha(job.largeClip));
      expect((await bucketState(server)).uploads).toEqual([]);
      expect(second.db.select().from(multipartUploads).all()).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('a cancel stops at once and leaves no unfinished upload behind', async () => {
    const machine = openMachine(dataDir, () => settingsFor(server, 'lectures'));
    const s3 = s3For(server);
    try {
      // A fresh key template so the large clip is not already there.
      const settings = s3SettingsSchema.parse({ ...settingsFor(server), prefixTemplate: 'again/{lecture}/{clip}' });
      let cancelled = false;
      machine.publisher.onProgress((p) => {
        if (!cancelled && p.files.some((f) => f.state === 'uploading' && f.sentBytes > 0)) {
          cancelled = machine.publisher.cancel(job.jobId);
        }
      });
      const error = await machine.publisher.publish(job.jobId, { settings }).catch((e: unknown) => e);
      expect(cancelled).toBe(true);
      expect((error as LecternError).code).toBe('cancelled');
      expect((await machine.publisher.status(job.jobId))?.status).toBe('cancelled');
      expect((await bucketState(server)).uploads).toEqual([]);
      expect(machine.db.select().from(multipartUploads).all()).toEqual([]);
    } finally {
      s3.destroy();
      await machine.close();
    }
  });
});
