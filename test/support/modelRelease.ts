import { createHash } from 'node:crypto';
import path from 'node:path';
import { catalogue, type CatalogueEntry } from '../../electron/pipeline/transcript/local/catalogue.ts';
import { fakeWhisperTinyFiles, makeTarBz2 } from '../../electron/pipeline/transcript/local/fixtures/fakeModels.ts';
import { startModelServer, type ModelServer } from '../../electron/pipeline/transcript/local/fixtures/modelServer.ts';

export const fakeModelName = 'sherpa-onnx-whisper-tiny.en';

export interface ModelRelease {
  server: ModelServer;
  /** The real catalogue, with the fake model's download pointing at the server and its checksum known. */
  catalogue: CatalogueEntry[];
  sha256: string;
  archiveBytes: number;
}

/**
 * A speech-model release on 127.0.0.1: the download tests' fake whisper-tiny archive (random bytes laid out like
 * the real release, no weights), served with Range support, with a known checksum the download checks.
 */
export async function startModelRelease(workDir: string, weightBytes = 150_000): Promise<ModelRelease> {
  const archive = makeTarBz2(path.join(workDir, 'release'), fakeModelName, fakeWhisperTinyFiles(weightBytes)).bytes;
  const assetPath = `/asr-models/${fakeModelName}.tar.bz2`;
  const server = await startModelServer({ [assetPath]: archive });
  const sha256 = createHash('sha256').update(archive).digest('hex');
  return {
    server,
    sha256,
    archiveBytes: archive.length,
    catalogue: catalogue.map((entry) =>
      entry.name === fakeModelName ? { ...entry, url: server.url(assetPath), sha256 } : entry,
    ),
  };
}
