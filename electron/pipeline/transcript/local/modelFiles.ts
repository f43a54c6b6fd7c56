import { closeSync, existsSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import { findCatalogueEntry, type EngineKind, type ModelSpec } from './catalogue.ts';

/*
 * Checks that run before a file reaches the native engine. They matter: onnxruntime throws a C++ exception on a
 * file it cannot parse, sherpa-onnx does not catch it, and the whole process aborts (seen with sherpa-onnx-node
 * 1.13.8: "terminate called after throwing an instance of 'Ort::Exception' ... Protobuf parsing failed").
 * These checks catch the common cases (missing, empty, not a model at all); engine.ts `probeModelLoads` catches
 * the rest in a child process.
 */

/**
 * Why each file of a spec cannot be a usable model file, one line per problem; empty when all look right.
 * An ONNX model is a protobuf whose first field is `ir_version` (tag byte 0x08); an ORT-format model has "ORTM" at
 * byte 4; tokens files are text lines ending in an integer id.
 */
export function findSpecProblems(dir: string, spec: ModelSpec): string[] {
  const problems: string[] = [];
  for (const [role, file] of Object.entries(spec.files)) {
    const full = path.join(dir, file);
    if (!existsSync(full)) {
      problems.push(`${file} (${role}) is missing`);
      continue;
    }
    const stat = lstatSync(full);
    if (stat.isSymbolicLink() || !stat.isFile()) {
      problems.push(`${file} (${role}) is not a regular file`);
      continue;
    }
    if (stat.size === 0) {
      problems.push(`${file} (${role}) is empty`);
      continue;
    }
    const head = readHead(full, 256);
    if (role === 'tokens') {
      if (!looksLikeTokens(head)) problems.push(`${file} is not a tokens list`);
    } else if (!looksLikeOnnx(head)) {
      problems.push(`${file} (${role}) is not an ONNX model`);
    }
  }
  return problems;
}

export function looksLikeOnnx(head: Buffer): boolean {
  if (head.length >= 8 && head.subarray(4, 8).toString('latin1') === 'ORTM') return true;
  return head.length >= 2 && head[0] === 0x08;
}

export function looksLikeTokens(head: Buffer): boolean {
  const firstLine = head
    .toString('utf8')
    .split('\n')
    .find((line) => line.trim() !== '');
  return firstLine !== undefined && /\s-?\d+\s*$/.test(firstLine) && !head.includes(0);
}

function readHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Which engine and files a folder holds. A folder named like a catalogue entry uses that entry's files; otherwise
 * the file names decide, preferring int8 files when both precisions are there (they are what the catalogue uses).
 * NeMo and Zipformer transducers have the same file roles; NeMo exports (Parakeet, Canary) say so in their name.
 */
export function detectModelSpec(dir: string, nameHint = path.basename(dir)): ModelSpec | null {
  const entry = findCatalogueEntry(nameHint);
  if (entry) return { kind: entry.kind, files: entry.files } as ModelSpec;
  const files = readdirSync(dir).filter((f) => !f.startsWith('.'));
  const pick = (pattern: RegExp): string | undefined => preferInt8(files.filter((f) => pattern.test(f)));

  const tokens = pick(/(^|[-_.])tokens\.txt$/);
  if (!tokens) return null;

  const preprocessor = pick(/^preprocess.*\.(onnx|ort)$/);
  const uncachedDecoder = pick(/^uncached_decode.*\.(onnx|ort)$/);
  const cachedDecoder = pick(/^cached_decode.*\.(onnx|ort)$/);
  const moonshineEncoder = pick(/^encode\b.*\.(onnx|ort)$/);
  if (preprocessor && uncachedDecoder && cachedDecoder && moonshineEncoder) {
    return {
      kind: 'moonshine',
      files: { preprocessor, encoder: moonshineEncoder, uncachedDecoder, cachedDecoder, tokens },
    };
  }

  const encoder = pick(/(^|[-_.])encoder.*\.(onnx|ort)$/);
  const decoder = pick(/(^|[-_.])decoder.*\.(onnx|ort)$/);
  const joiner = pick(/(^|[-_.])joiner.*\.(onnx|ort)$/);
  if (encoder && decoder && joiner) {
    const kind: EngineKind = /nemo|parakeet/i.test(nameHint) ? 'nemo-transducer' : 'transducer';
    return { kind, files: { encoder, decoder, joiner, tokens } };
  }
  if (encoder && decoder) return { kind: 'whisper', files: { encoder, decoder, tokens } };
  return null;
}

function preferInt8(candidates: string[]): string | undefined {
  return candidates.find((f) => f.includes('.int8.')) ?? candidates.find((f) => f.endsWith('.onnx')) ?? candidates[0];
}
