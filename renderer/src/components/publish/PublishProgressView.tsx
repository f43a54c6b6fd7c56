import type { PublishFileState, PublishProgress } from '../../../../shared/domain/publish.ts';

const stateLabels: Record<PublishFileState, string> = {
  waiting: 'Waiting',
  checking: 'Checking the bucket',
  uploading: 'Uploading',
  uploaded: 'Uploaded',
  unchanged: 'Already there, unchanged',
  failed: 'Failed',
};

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function fileName(key: string): string {
  return key.split('/').at(-1) ?? key;
}

/** The publication's total progress, then each file's. `<progress>` elements: no inline styles under our CSP. */
export function PublishProgressView({ progress }: { progress: PublishProgress }) {
  const total = Math.max(1, progress.totalBytes);
  return (
    <div className="publish__progress">
      <label className="publish__total">
        <span>
          {formatMegabytes(progress.sentBytes)} of {formatMegabytes(progress.totalBytes)}
        </span>
        <progress aria-label="Publishing progress" max={total} value={Math.min(progress.sentBytes, total)} />
      </label>
      <ul className="publish__files" aria-label="Files">
        {progress.files.map((file) => (
          <li key={file.key} className={`publish__file publish__file--${file.state}`}>
            <span className="publish__file-name" title={file.key}>
              {fileName(file.key)}
            </span>
            <progress
              aria-label={`Upload of ${fileName(file.key)}`}
              max={Math.max(1, file.size)}
              value={Math.min(file.sentBytes, Math.max(1, file.size))}
            />
            <span className="publish__file-state">{stateLabels[file.state]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
