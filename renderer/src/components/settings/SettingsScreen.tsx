import { useEffect, useRef } from 'react';
import { useScreenStore } from '../../stores/screenStore.ts';
import { useSettingsStore } from '../../stores/settingsStore.ts';
import { settingsSections } from './settingsSections.tsx';
import './settings.css';

/** Everything the lecturer chooses once and keeps. Escape or "Back to the queue" returns to the queue. */
export function SettingsScreen() {
  const close = useScreenStore((s) => s.closeSettings);
  const loaded = useSettingsStore((s) => s.settings !== null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening Settings moves focus to its heading, so keyboard and screen-reader users start at the top.
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [close]);

  return (
    <main className="settings" aria-labelledby="settings-title">
      <header className="settings__header">
        <button type="button" className="button--quiet" aria-keyshortcuts="Escape" onClick={close}>
          ← Back to the queue
        </button>
        <h1 id="settings-title" ref={heading} tabIndex={-1}>
          Settings
        </h1>
      </header>
      <nav className="settings__nav" aria-label="Settings sections">
        <ul>
          {settingsSections.map(({ id, title }) => (
            <li key={id}>
              <a href={`#settings-${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {loaded ? (
        <div className="settings__sections">
          {settingsSections.map(({ id, title, Section }) => (
            <section
              key={id}
              id={`settings-${id}`}
              className="settings-section"
              aria-labelledby={`settings-${id}-title`}
            >
              <h2 id={`settings-${id}-title`}>{title}</h2>
              <Section />
            </section>
          ))}
        </div>
      ) : (
        <p role="status">Loading settings…</p>
      )}
    </main>
  );
}
