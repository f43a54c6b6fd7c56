import type { ComponentType } from 'react';
import { AppearanceSettings } from './AppearanceSettings.tsx';
import { ClipSettings } from './ClipSettings.tsx';
import { GeneralSettings } from './GeneralSettings.tsx';
import { NotificationSettings } from './NotificationSettings.tsx';
import { SpeechModelSettings } from './SpeechModelSettings.tsx';

export interface SettingsSection {
  id: string;
  title: string;
  /** Reads and saves its own settings; takes no props, so a feature's settings drop in as they are. */
  Section: ComponentType;
}

function comingSoon(text: string): ComponentType {
  return function ComingSoon() {
    return <p className="settings-section__placeholder">{text}</p>;
  };
}

/**
 * The settings screen, in order. Publishing and Online are filled in by their features: replace the placeholder with
 * `S3Settings` (components/publish/S3Settings.tsx) or `GeminiSettings`
 * (components/online/GeminiSettings.tsx) on that one line.
 */
export const settingsSections: readonly SettingsSection[] = [
  { id: 'general', title: 'General', Section: GeneralSettings },
  { id: 'clips', title: 'Clips', Section: ClipSettings },
  { id: 'speech-models', title: 'Speech models', Section: SpeechModelSettings },
  { id: 'appearance', title: 'Appearance', Section: AppearanceSettings },
  { id: 'notifications', title: 'Notifications', Section: NotificationSettings },
  {
    id: 'publishing',
    title: 'Publishing (S3)',
    Section: comingSoon('Publishing clips to your institution’s S3 storage will be set up here.'),
  },
  {
    id: 'online',
    title: 'Online (Gemini, sign-in)',
    Section: comingSoon('Gemini transcription and analysis, and signing in, will be set up here.'),
  },
];
