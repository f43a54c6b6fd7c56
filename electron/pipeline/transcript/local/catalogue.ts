import { z } from 'zod';

/*
 * Why sherpa-onnx-node and not whisper.cpp bindings: it installs cleanly from npm with prebuilt binaries for
 * macOS/Windows/Linux (x64 and arm64), so no user and no CI machine needs a compiler or node-gyp; it bundles
 * onnxruntime, the same runtime our Silero VAD already uses, so one native dependency serves both; and one API
 * covers several model families (Whisper, Moonshine, NeMo/Zipformer transducers), which lets us offer a model with
 * word times (transducers) next to the familiar Whisper ones. The whisper.cpp Node bindings on npm either build from
 * source at install time or ship for few platforms, and only run Whisper.
 *
 * Sources for every entry below: the sherpa-onnx model pages (k2-fsa.github.io/sherpa/onnx/...), which give the
 * `wget` URL and the `ls -lh` of the unpacked folder, and the nodejs-addon-examples in k2-fsa/sherpa-onnx
 * (test_asr_non_streaming_{whisper,moonshine,nemo_parakeet_tdt_v2}.js), which give the file roles per engine.
 *
 * Checksums: the sherpa-onnx `asr-models` release publishes no checksum file for its assets, so `sha256` is null for
 * every entry. Lectern still hashes each download and records it in the installed model's manifest, so later
 * tampering or damage is noticed; when a published digest exists, put it here and the download checks it.
 */

export const engineKinds = ['whisper', 'moonshine', 'transducer', 'nemo-transducer'] as const;
export const engineKindSchema = z.enum(engineKinds);
export type EngineKind = z.infer<typeof engineKindSchema>;

/** The files each engine needs, by role; the values are file names inside the model folder. */
export const modelFilesSchemas = {
  whisper: z.object({ encoder: z.string(), decoder: z.string(), tokens: z.string() }),
  moonshine: z.object({
    preprocessor: z.string(),
    encoder: z.string(),
    uncachedDecoder: z.string(),
    cachedDecoder: z.string(),
    tokens: z.string(),
  }),
  transducer: z.object({ encoder: z.string(), decoder: z.string(), joiner: z.string(), tokens: z.string() }),
  'nemo-transducer': z.object({ encoder: z.string(), decoder: z.string(), joiner: z.string(), tokens: z.string() }),
} as const satisfies Record<EngineKind, z.ZodType>;

export const modelSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('whisper'), files: modelFilesSchemas.whisper }),
  z.object({ kind: z.literal('moonshine'), files: modelFilesSchemas.moonshine }),
  z.object({ kind: z.literal('transducer'), files: modelFilesSchemas.transducer }),
  z.object({ kind: z.literal('nemo-transducer'), files: modelFilesSchemas['nemo-transducer'] }),
]);
/** What an engine needs to load a model: its kind and where each of its files is. */
export type ModelSpec = z.infer<typeof modelSpecSchema>;

const modelNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash, underscore');

export const catalogueEntrySchema = z.intersection(
  modelSpecSchema,
  z.object({
    name: modelNameSchema,
    description: z.string(),
    /** Release asset; the archive unpacks to a folder named like the entry. */
    url: z.url(),
    /** Approximate size of the archive, for the UI before the server says; the archive holds fp32 copies too. */
    approxDownloadMB: z.number().positive(),
    /** Approximate size of the files Lectern keeps (only those in `files`, plus the licence). */
    approxInstalledMB: z.number().positive(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    /** Whether results carry token times we can turn into word times. */
    wordTimes: z.boolean(),
    /** Whether the text comes with capitals and punctuation, which sentence splitting relies on. */
    punctuation: z.boolean(),
    recommended: z.boolean(),
  }),
);
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

const releaseBase = 'https://github.com/k2-fsa/sherpa-onnx/releases/download/asr-models';

export const catalogue: readonly CatalogueEntry[] = z.array(catalogueEntrySchema).parse([
  {
    name: 'sherpa-onnx-nemo-parakeet-tdt-0.6b-v2-int8',
    kind: 'nemo-transducer',
    description:
      'NVIDIA Parakeet TDT 0.6B v2, English, int8. The most accurate here, with capitals, punctuation and word times; needs about 1 GB of memory.',
    url: `${releaseBase}/sherpa-onnx-nemo-parakeet-tdt-0.6b-v2-int8.tar.bz2`,
    approxDownloadMB: 480,
    approxInstalledMB: 631,
    sha256: null,
    files: {
      encoder: 'encoder.int8.onnx',
      decoder: 'decoder.int8.onnx',
      joiner: 'joiner.int8.onnx',
      tokens: 'tokens.txt',
    },
    wordTimes: true,
    punctuation: true,
    recommended: true,
  },
  {
    name: 'sherpa-onnx-moonshine-tiny-en-int8',
    kind: 'moonshine',
    description: 'Moonshine tiny, English, int8. Small and fast, with punctuation; no word times.',
    url: `${releaseBase}/sherpa-onnx-moonshine-tiny-en-int8.tar.bz2`,
    approxDownloadMB: 105,
    approxInstalledMB: 118,
    sha256: null,
    files: {
      preprocessor: 'preprocess.onnx',
      encoder: 'encode.int8.onnx',
      uncachedDecoder: 'uncached_decode.int8.onnx',
      cachedDecoder: 'cached_decode.int8.onnx',
      tokens: 'tokens.txt',
    },
    wordTimes: false,
    punctuation: true,
    recommended: false,
  },
  {
    name: 'sherpa-onnx-whisper-tiny.en',
    kind: 'whisper',
    description: 'OpenAI Whisper tiny.en, int8. The smallest Whisper; fast but makes more mistakes; no word times.',
    url: `${releaseBase}/sherpa-onnx-whisper-tiny.en.tar.bz2`,
    approxDownloadMB: 110,
    approxInstalledMB: 104,
    sha256: null,
    files: { encoder: 'tiny.en-encoder.int8.onnx', decoder: 'tiny.en-decoder.int8.onnx', tokens: 'tiny.en-tokens.txt' },
    wordTimes: false,
    punctuation: true,
    recommended: false,
  },
  {
    name: 'sherpa-onnx-whisper-base.en',
    kind: 'whisper',
    description: 'OpenAI Whisper base.en, int8. Better than tiny.en at about twice the time; no word times.',
    url: `${releaseBase}/sherpa-onnx-whisper-base.en.tar.bz2`,
    approxDownloadMB: 200,
    approxInstalledMB: 161,
    sha256: null,
    files: { encoder: 'base.en-encoder.int8.onnx', decoder: 'base.en-decoder.int8.onnx', tokens: 'base.en-tokens.txt' },
    wordTimes: false,
    punctuation: true,
    recommended: false,
  },
]);

export function findCatalogueEntry(name: string): CatalogueEntry | undefined {
  return catalogue.find((entry) => entry.name === name);
}

export function isValidModelName(name: string): boolean {
  return modelNameSchema.safeParse(name).success;
}
