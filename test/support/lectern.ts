import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoDir } from '../env.ts';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const bin = path.join(repoDir, 'bin', 'lectern.mjs');

/** Starts the real CLI as a user would, with its own data folder. */
export function startLectern(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; result: Promise<CliResult> } {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const result = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, result };
}

export function runLectern(args: string[], env: Record<string, string>): Promise<CliResult> {
  return startLectern(args, env).result;
}

/** A scratch folder per test: data dir, outputs, generated broken files. Removed by the returned cleanup. */
export function scratchDir(prefix = 'lectern-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
