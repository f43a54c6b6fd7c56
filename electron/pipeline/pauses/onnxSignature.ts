import { readFileSync } from 'node:fs';

/**
 * Reads the names of an ONNX model's graph inputs and outputs, with a minimal protobuf walk (ModelProto.graph = 7,
 * GraphProto.input = 11, .output = 12, ValueInfoProto.name = 1; see onnx/onnx.proto). sherpa-onnx aborts the whole
 * process on a file it cannot parse and exits on a graph it does not expect, so a model is checked here first.
 * Throws an Error saying what is wrong with the file.
 */
export function readOnnxSignature(modelPath: string): { inputs: string[]; outputs: string[] } {
  const bytes = readFileSync(modelPath);
  const graph = findField(bytes, 7);
  if (!graph) throw new Error('it is not an ONNX model (no graph)');
  const inputs: string[] = [];
  const outputs: string[] = [];
  for (const field of fields(graph)) {
    if (field.number !== 11 && field.number !== 12) continue;
    if (!field.bytes) throw new Error('it is not an ONNX model (malformed graph)');
    const name = findField(field.bytes, 1);
    (field.number === 11 ? inputs : outputs).push(new TextDecoder().decode(name ?? new Uint8Array()));
  }
  return { inputs, outputs };
}

interface Field {
  number: number;
  /** Set for length-delimited fields. */
  bytes?: Uint8Array;
}

function findField(message: Uint8Array, number: number): Uint8Array | undefined {
  for (const field of fields(message)) if (field.number === number) return field.bytes;
  return undefined;
}

/** Every field of one protobuf message; throws on anything truncated or not protobuf. */
function* fields(message: Uint8Array): Generator<Field> {
  let pos = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= message.length) throw new Error('it is truncated or not an ONNX model');
      const byte = message[pos++] ?? 0;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
    throw new Error('it is not an ONNX model (bad varint)');
  };
  while (pos < message.length) {
    const key = varint();
    const number = Math.floor(key / 8);
    const wireType = key % 8;
    if (number === 0) throw new Error('it is not an ONNX model (field number 0)');
    if (wireType === 0) varint();
    else if (wireType === 1) pos += 8;
    else if (wireType === 5) pos += 4;
    else if (wireType === 2) {
      const length = varint();
      if (pos + length > message.length) throw new Error('it is truncated or not an ONNX model');
      yield { number, bytes: message.subarray(pos, pos + length) };
      pos += length;
      continue;
    } else {
      throw new Error('it is not an ONNX model (unexpected protobuf wire type)');
    }
    if (pos > message.length) throw new Error('it is truncated or not an ONNX model');
    yield { number };
  }
}
