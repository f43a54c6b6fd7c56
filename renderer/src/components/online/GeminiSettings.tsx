import { useEffect, useState, type FormEvent } from 'react';
import type { GeminiSettings as GeminiSection } from '../../../../shared/domain/appSettings.ts';
import type { SecretStatus } from '../../../../shared/ipc/index.ts';
import { lecternApi } from '../../ipc/api.ts';
import './online.css';

/** Exactly what leaves the machine, shown before the first use; the "I agree" records when it was accepted. */
export function GeminiNotice() {
  return (
    <div className="gemini-settings__notice" id="gemini-notice">
      <p>When Gemini is used, this leaves your computer and goes to Google’s Gemini API under your API key:</p>
      <ul>
        <li>
          <strong>For transcription:</strong> the audio of the parts of the recording where someone speaks, in excerpts
          of up to five minutes. Long silences and the picture are never sent.
        </li>
        <li>
          <strong>For topics:</strong> the transcript text, with the time each sentence starts.
        </li>
      </ul>
      <p>
        Nothing else is sent: not the file name, not the video, not your clips. Nothing is sent until you agree, and
        nothing at all while both choices below are “on this computer”.
      </p>
    </div>
  );
}

/**
 * Gemini's part of the settings: the key (write-only: it can be replaced or removed, never shown), the model, what
 * Gemini may do, and the notice with its "I agree". The Settings screen embeds this component.
 */
export function GeminiSettings() {
  const api = lecternApi();
  const [gemini, setGemini] = useState<GeminiSection | null>(null);
  const [secrets, setSecrets] = useState<SecretStatus | null>(null);
  const [key, setKey] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void api.invoke('settings:get').then((r) => r.ok && setGemini(r.value.gemini));
    void api.invoke('secrets:status').then((r) => r.ok && setSecrets(r.value));
    return api.on('settings:changed', (settings) => setGemini(settings.gemini));
  }, [api]);

  async function save(patch: Partial<GeminiSection>) {
    if (!gemini) return;
    const result = await api.invoke('settings:update', { gemini: { ...gemini, ...patch } });
    if (result.ok) setGemini(result.value.gemini);
    else setMessage(result.error.message);
  }

  async function saveKey(event: FormEvent) {
    event.preventDefault();
    const result = await api.invoke('secrets:set', { name: 'gemini.apiKey', value: key });
    setKey('');
    if (result.ok) {
      setSecrets(result.value);
      setMessage('API key saved.');
    } else setMessage(result.error.message);
  }

  async function removeKey() {
    const result = await api.invoke('secrets:delete', { name: 'gemini.apiKey' });
    if (result.ok) {
      setSecrets(result.value);
      setMessage('API key removed.');
    } else setMessage(result.error.message);
  }

  if (!gemini || !secrets) return <p role="status">Loading the Gemini settings…</p>;
  const hasKey = secrets['gemini.apiKey'];
  return (
    <section className="gemini-settings" aria-labelledby="gemini-settings-title">
      <h3 id="gemini-settings-title">Gemini</h3>
      <form onSubmit={(e) => void saveKey(e)}>
        <fieldset>
          <legend>API key</legend>
          <p className="gemini-settings__status" id="gemini-key-status">
            {hasKey ? 'A key is saved (stored encrypted; it is never shown again).' : 'No key saved.'}
          </p>
          <label>
            {hasKey ? 'Replace the key' : 'Gemini API key'}
            <input
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={key}
              onChange={(e) => setKey(e.target.value)}
              aria-describedby="gemini-key-status"
            />
          </label>
          <button type="submit" disabled={key.trim() === ''}>
            Save key
          </button>{' '}
          {hasKey && (
            <button type="button" className="button--quiet" onClick={() => void removeKey()}>
              Remove key
            </button>
          )}
        </fieldset>
      </form>
      <fieldset>
        <legend>What Gemini does</legend>
        <label>
          Transcription
          <select
            value={gemini.transcription}
            onChange={(e) => void save({ transcription: e.target.value as GeminiSection['transcription'] })}
          >
            <option value="auto">Captions, else the local model, else Gemini</option>
            <option value="local">On this computer only</option>
            <option value="gemini">Gemini first</option>
          </select>
        </label>
        <label>
          Topics
          <select
            value={gemini.analysis}
            onChange={(e) => void save({ analysis: e.target.value as GeminiSection['analysis'] })}
          >
            <option value="local">On this computer only</option>
            <option value="gemini">Gemini (falls back to this computer)</option>
          </select>
        </label>
        <label>
          Model
          <input
            defaultValue={gemini.model}
            key={gemini.model}
            onBlur={(e) =>
              e.target.value.trim() && e.target.value !== gemini.model && void save({ model: e.target.value })
            }
          />
        </label>
      </fieldset>
      <GeminiNotice />
      {gemini.consentedAt ? (
        <p>
          You agreed on {new Date(gemini.consentedAt).toLocaleDateString()}.{' '}
          <button type="button" className="button--quiet" onClick={() => void save({ consentedAt: null })}>
            Withdraw
          </button>
        </p>
      ) : (
        <button
          type="button"
          aria-describedby="gemini-notice"
          onClick={() => void save({ consentedAt: new Date().toISOString() })}
        >
          I agree
        </button>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
