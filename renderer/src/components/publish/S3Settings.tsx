import { useEffect, useId, useState, type FormEvent } from 'react';
import { s3SettingsSchema, type S3Settings as S3SettingsValue } from '../../../../shared/domain/appSettings.ts';
import type { SecretStatus } from '../../../../shared/ipc/index.ts';
import { loadS3Setup, saveS3Setup, testS3Connection } from '../../ipc/publishCommands.ts';
import './publish.css';

interface Fields {
  bucket: string;
  region: string;
  endpoint: string;
  forcePathStyle: boolean;
  prefixTemplate: string;
  linkExpiryMin: string;
  accessKeyId: string;
  secretAccessKey: string;
}

function fieldsFrom(s3: S3SettingsValue | null): Fields {
  const defaults = s3SettingsSchema.parse({ bucket: 'placeholder' });
  return {
    bucket: s3?.bucket ?? '',
    region: s3?.region ?? defaults.region,
    endpoint: s3?.endpoint ?? '',
    forcePathStyle: s3?.forcePathStyle ?? false,
    prefixTemplate: s3?.prefixTemplate ?? defaults.prefixTemplate,
    linkExpiryMin: String(Math.round((s3?.linkExpirySec ?? defaults.linkExpirySec) / 60)),
    accessKeyId: '',
    secretAccessKey: '',
  };
}

/** The form's values as settings, or what to correct, in words. */
function settingsFrom(fields: Fields): { ok: true; value: S3SettingsValue } | { ok: false; message: string } {
  const parsed = s3SettingsSchema.safeParse({
    bucket: fields.bucket,
    region: fields.region,
    endpoint: fields.endpoint.trim() || null,
    forcePathStyle: fields.forcePathStyle,
    prefixTemplate: fields.prefixTemplate,
    linkExpirySec: Math.round(Number(fields.linkExpiryMin) * 60),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const labels: Record<string, string> = {
    bucket: 'The bucket name needs 3 to 63 characters.',
    endpoint: 'The endpoint must be a full URL, e.g. https://minio.example.edu.',
    linkExpirySec: 'Links can last from 1 minute to 7 days (10080 minutes).',
    region: 'Name the region, e.g. us-east-1.',
  };
  return { ok: false, message: labels[String(issue?.path[0])] ?? issue?.message ?? 'Check the values.' };
}

type Status = { kind: 'idle' } | { kind: 'working'; text: string } | { kind: 'done' | 'error'; text: string };

/**
 * Where published clips go: bucket, region, endpoint (MinIO, R2, Ceph…), path-style addressing, key prefix, link
 * expiry, and the credentials, which are write-only: the form shows whether each is saved, never its value.
 * Self-contained, so the Settings screen can embed it as its publishing section.
 */
export function S3Settings({ onSaved }: { onSaved?: (s3: S3SettingsValue | null) => void }) {
  const id = useId();
  const [fields, setFields] = useState<Fields>(fieldsFrom(null));
  const [secrets, setSecrets] = useState<SecretStatus | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    let current = true;
    void loadS3Setup().then((loaded) => {
      if (!current) return;
      if (loaded.ok) {
        setFields(fieldsFrom(loaded.value.s3));
        setSecrets(loaded.value.secrets);
      } else setStatus({ kind: 'error', text: loaded.error.message });
    });
    return () => {
      current = false;
    };
  }, []);

  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => setFields((f) => ({ ...f, [name]: value }));

  async function save(): Promise<S3SettingsValue | null> {
    const settings = settingsFrom(fields);
    if (!settings.ok) {
      setStatus({ kind: 'error', text: settings.message });
      return null;
    }
    setStatus({ kind: 'working', text: 'Saving…' });
    const saved = await saveS3Setup(settings.value, {
      's3.accessKeyId': fields.accessKeyId,
      's3.secretAccessKey': fields.secretAccessKey,
    });
    if (!saved.ok) {
      setStatus({ kind: 'error', text: saved.error.message });
      return null;
    }
    setSecrets(saved.value.secrets);
    setFields((f) => ({ ...f, accessKeyId: '', secretAccessKey: '' }));
    onSaved?.(saved.value.s3);
    return settings.value;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await save()) setStatus({ kind: 'done', text: 'Saved.' });
  }

  async function onTest() {
    const settings = await save();
    if (!settings) return;
    setStatus({ kind: 'working', text: 'Testing the connection…' });
    const result = await testS3Connection(settings);
    setStatus(result.ok ? { kind: 'done', text: result.value.message } : { kind: 'error', text: result.error.message });
  }

  const secretState = (name: 's3.accessKeyId' | 's3.secretAccessKey') =>
    secrets === null ? '' : secrets[name] ? 'Saved — type a new value to replace it' : 'Not set';
  const field = (name: string) => `${id}-${name}`;

  return (
    <form className="s3-settings" aria-label="Publishing to S3" onSubmit={(e) => void onSubmit(e)}>
      <div className="s3-settings__grid">
        <label htmlFor={field('bucket')}>Bucket</label>
        <input
          id={field('bucket')}
          value={fields.bucket}
          onChange={(e) => set('bucket', e.target.value)}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <label htmlFor={field('region')}>Region</label>
        <input
          id={field('region')}
          value={fields.region}
          onChange={(e) => set('region', e.target.value)}
          spellCheck={false}
        />
        <label htmlFor={field('endpoint')}>Endpoint</label>
        <input
          id={field('endpoint')}
          type="url"
          value={fields.endpoint}
          placeholder="Leave empty for AWS; e.g. https://minio.example.edu"
          onChange={(e) => set('endpoint', e.target.value)}
          spellCheck={false}
        />
        <span />
        <label className="s3-settings__check">
          <input
            type="checkbox"
            checked={fields.forcePathStyle}
            onChange={(e) => set('forcePathStyle', e.target.checked)}
          />
          Path-style addressing (MinIO, Ceph and most self-hosted stores)
        </label>
        <label htmlFor={field('prefix')}>Key prefix</label>
        <input
          id={field('prefix')}
          value={fields.prefixTemplate}
          aria-describedby={field('prefix-help')}
          onChange={(e) => set('prefixTemplate', e.target.value)}
          spellCheck={false}
        />
        <span />
        <p id={field('prefix-help')} className="s3-settings__help">
          {'{user}'}, {'{lecture}'}, {'{clip}'} and {'{date}'} are filled in for each file.
        </p>
        <label htmlFor={field('expiry')}>Link expiry (minutes)</label>
        <input
          id={field('expiry')}
          type="number"
          min={1}
          max={10080}
          value={fields.linkExpiryMin}
          onChange={(e) => set('linkExpiryMin', e.target.value)}
        />
        <label htmlFor={field('key-id')}>Access key ID</label>
        <input
          id={field('key-id')}
          value={fields.accessKeyId}
          aria-describedby={field('key-id-state')}
          onChange={(e) => set('accessKeyId', e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <span />
        <p id={field('key-id-state')} className="s3-settings__help">
          {secretState('s3.accessKeyId')}
        </p>
        <label htmlFor={field('secret')}>Secret access key</label>
        <input
          id={field('secret')}
          type="password"
          value={fields.secretAccessKey}
          aria-describedby={field('secret-state')}
          onChange={(e) => set('secretAccessKey', e.target.value)}
          autoComplete="new-password"
        />
        <span />
        <p id={field('secret-state')} className="s3-settings__help">
          {secretState('s3.secretAccessKey')}
        </p>
      </div>
      <div className="s3-settings__actions">
        <button type="submit" disabled={status.kind === 'working'}>
          Save
        </button>
        <button
          type="button"
          className="button--quiet"
          disabled={status.kind === 'working'}
          onClick={() => void onTest()}
        >
          Test connection
        </button>
      </div>
      <p
        role={status.kind === 'error' ? 'alert' : 'status'}
        className={status.kind === 'error' ? 's3-settings__status s3-settings__status--error' : 's3-settings__status'}
      >
        {status.kind === 'idle' ? '' : status.text}
      </p>
    </form>
  );
}
