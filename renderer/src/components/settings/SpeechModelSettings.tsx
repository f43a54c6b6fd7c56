import { useEffect } from 'react';
import type { ModelDownloadProgress, SpeechModel } from '../../../../shared/ipc/index.ts';
import { formatBytes } from '../../format.ts';
import { lecternApi } from '../../ipc/api.ts';
import {
  cancelModelDownload,
  downloadModel,
  importModel,
  removeModel,
  subscribeToModels,
} from '../../ipc/modelCommands.ts';
import { useModelsStore } from '../../stores/modelsStore.ts';
import { FieldError } from './fields.tsx';

function stateText(model: SpeechModel): string {
  if (model.downloading) return 'Downloading';
  switch (model.state) {
    case 'installed':
      return model.installedBytes !== null ? `Installed, ${formatBytes(model.installedBytes)}` : 'Installed';
    case 'damaged':
      return `Damaged: ${model.problem ?? 'its files changed'}`;
    case 'partial':
      return `Download stopped at ${formatBytes(model.partialBytes ?? 0)}; it continues from there`;
    case 'absent':
      return model.approxDownloadMB !== null ? `Not installed, about ${model.approxDownloadMB} MB to download` : '';
  }
}

function progressText(progress: ModelDownloadProgress | undefined): string {
  if (!progress) return 'Starting…';
  if (progress.phase === 'extract') return 'Unpacking…';
  if (progress.phase === 'verify') return 'Checking…';
  const received = formatBytes(progress.receivedBytes);
  return progress.totalBytes ? `${received} of ${formatBytes(progress.totalBytes)}` : received;
}

function ModelRow({ model }: { model: SpeechModel }) {
  const progress = useModelsStore((s) => s.progress[model.name]);
  const problem = useModelsStore((s) => s.problems[model.name]);
  const titleId = `model-${model.name}-title`;
  const fraction =
    progress?.phase === 'download' && progress.totalBytes ? progress.receivedBytes / progress.totalBytes : undefined;
  const canDownload = model.inCatalogue && model.state !== 'installed' && !model.downloading;
  return (
    <li className="model" aria-labelledby={titleId}>
      <div className="model__header">
        <h3 id={titleId} className="model__name">
          {model.name}
          {model.recommended && <span className="model__tag">Recommended</span>}
        </h3>
        <span className="model__state">{stateText(model)}</span>
      </div>
      {model.description && <p className="model__description">{model.description}</p>}
      {model.downloading && (
        <div className="model__progress">
          <progress max={1} value={fraction} aria-label={`Download of ${model.name}`} />
          <span aria-live="polite">{progressText(progress)}</span>
        </div>
      )}
      <div className="model__actions">
        {canDownload && (
          <button type="button" aria-label={`Download ${model.name}`} onClick={() => void downloadModel(model.name)}>
            {model.state === 'partial'
              ? 'Continue download'
              : model.state === 'damaged'
                ? 'Download again'
                : 'Download'}
          </button>
        )}
        {model.downloading && (
          <button
            type="button"
            className="button--quiet"
            aria-label={`Cancel download of ${model.name}`}
            onClick={() => void cancelModelDownload(model.name)}
          >
            Cancel
          </button>
        )}
        {!model.downloading && model.state !== 'absent' && (
          <button
            type="button"
            className="button--quiet"
            aria-label={`Remove ${model.name}`}
            onClick={() => void removeModel(model.name)}
          >
            Remove
          </button>
        )}
      </div>
      <FieldError id={`model-${model.name}-error`} message={problem} />
    </li>
  );
}

/** Local speech recognition for lectures without captions: download once, then transcription is offline. */
export function SpeechModelSettings() {
  useEffect(() => subscribeToModels(lecternApi()), []);
  const models = useModelsStore((s) => s.models);
  const importProblem = useModelsStore((s) => s.problems['']);
  return (
    <>
      <p className="settings-section__intro">
        Lectures without captions are transcribed on this computer by a speech model. Download one once (it needs the
        internet), or import one you already have.
      </p>
      <ul className="model-list" aria-label="Speech models">
        {models.map((model) => (
          <ModelRow key={model.name} model={model} />
        ))}
      </ul>
      <div className="settings-field__actions">
        <button type="button" className="button--quiet" onClick={() => void importModel('archive')}>
          Import model archive…
        </button>
        <button type="button" className="button--quiet" onClick={() => void importModel('folder')}>
          Import model folder…
        </button>
      </div>
      <FieldError id="model-import-error" message={importProblem} />
    </>
  );
}
