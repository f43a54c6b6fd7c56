import { z } from 'zod';
import { inputLimitsSchema, type InputLimits } from '../../shared/domain/settings.ts';

const envNumber = z.coerce.number().positive().optional();

/**
 * A media team can tighten (or a test can provoke) the input limits through the environment:
 * LECTERN_MAX_FILE_BYTES, LECTERN_MAX_DURATION_SEC, LECTERN_MIN_FREE_BYTES.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): InputLimits {
  const read = (name: string) => {
    const parsed = envNumber.safeParse(env[name] || undefined);
    if (!parsed.success) throw new Error(`${name} must be a positive number, not "${env[name]}".`);
    return parsed.data;
  };
  return inputLimitsSchema.parse({
    maxFileBytes: read('LECTERN_MAX_FILE_BYTES'),
    maxDurationSec: read('LECTERN_MAX_DURATION_SEC'),
    minFreeBytes: env.LECTERN_MIN_FREE_BYTES === '0' ? 0 : read('LECTERN_MIN_FREE_BYTES'),
  });
}
