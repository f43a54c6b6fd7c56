import { describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../settings/settingsStore.ts';
import { withCliConsent } from './cliConsent.ts';

describe('consent given on the command line', () => {
  it('holds for the run without being written to the settings', () => {
    const stored = createSettingsStore(null);
    const run = withCliConsent(stored, () => new Date('2026-03-01T10:00:00Z'));
    expect(run.get().gemini.consentedAt).toBe('2026-03-01T10:00:00.000Z');
    expect(stored.get().gemini.consentedAt).toBeNull();
    run.update({ notifyWhenDone: false });
    expect(stored.get().gemini.consentedAt).toBeNull();
    expect(run.get().notifyWhenDone).toBe(false);
  });

  it('keeps an earlier consent from the app as it was', () => {
    const stored = createSettingsStore(null);
    stored.update({ gemini: { ...stored.get().gemini, consentedAt: '2025-09-01T08:00:00.000Z' } });
    expect(withCliConsent(stored).get().gemini.consentedAt).toBe('2025-09-01T08:00:00.000Z');
  });
});
