import { GeminiSettings } from './GeminiSettings.tsx';
import './online.css';

/** Until the Settings screen embeds GeminiSettings: a small panel in the header that opens it. */
export function OnlinePanel() {
  return (
    <details className="online-panel">
      <summary>Online services</summary>
      <div className="online-panel__body">
        <GeminiSettings />
      </div>
    </details>
  );
}
