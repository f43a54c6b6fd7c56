import type { ComponentType } from 'react';
import { GeminiSettings } from '../online/GeminiSettings.tsx';
import { S3Settings } from '../publish/S3Settings.tsx';
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

/** The settings screen, in order; each feature's section reads and saves its own settings. */
export const settingsSections: readonly SettingsSection[] = [
  { id: 'general', title: 'General', Section: GeneralSettings },
  { id: 'clips', title: 'Clips', Section: ClipSettings },
  { id: 'speech-models', title: 'Speech models', Section: SpeechModelSettings },
  { id: 'appearance', title: 'Appearance', Section: AppearanceSettings },
  { id: 'notifications', title: 'Notifications', Section: NotificationSettings },
  { id: 'publishing', title: 'Publishing (S3)', Section: S3Settings },
  { id: 'online', title: 'Online (Gemini)', Section: GeminiSettings },
];
