import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the team's real recordings, models and evaluation transcripts live. `.ci/run` exports these;
 * a developer's checkout falls back to `../shared` beside the repository.
 */
const repoRoot = path.resolve(import.meta.dirname, '..');
const sharedDir = path.resolve(repoRoot, '..', 'shared');

function dirFromEnv(name: string, fallback: string): string {
  const dir = process.env[name] ?? fallback;
  if (!existsSync(dir)) {
    throw new Error(`${name} points to ${dir}, which does not exist. Run tests through .ci/run or set ${name}.`);
  }
  return dir;
}

export const mediaDir = dirFromEnv('LECTERN_MEDIA_DIR', path.join(sharedDir, 'media'));
export const modelsDir = dirFromEnv('LECTERN_MODELS_DIR', path.join(sharedDir, 'models'));
export const evalDir = dirFromEnv('LECTERN_EVAL_DIR', path.join(sharedDir, 'eval'));
export const repoDir = repoRoot;

export function media(...parts: string[]): string {
  return path.join(mediaDir, ...parts);
}
