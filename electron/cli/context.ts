import { createServices, type Services, type ServicesOptions } from '../services/container.ts';
import { defaultDataDir } from '../services/dataDir.ts';

/**
 * Services for one CLI run. Ctrl-C or a TERM stops work the way quitting the app does: running jobs go back to
 * the queue with their finished stages kept, and `lectern resume` continues them.
 */
export async function withServices<T>(
  options: Omit<ServicesOptions, 'dataDir'>,
  run: (services: Services) => Promise<T>,
): Promise<T> {
  const services = await createServices({ dataDir: defaultDataDir(), ...options });
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`\nlectern: ${signal} received, stopping; finished stages are kept (lectern resume <job>).\n`);
    void services.shutdown().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await run(services);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await services.shutdown();
  }
}
