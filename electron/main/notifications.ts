import { Notification } from 'electron';
import type { JobNotice } from './jobNotifications.ts';

/** The OS notification for a finished lecture; `open` brings the window forward showing that lecture. */
export function showJobNotice(notice: JobNotice, open: (jobId: number) => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: notice.title, body: notice.body });
  notification.on('click', () => open(notice.jobId));
  notification.show();
}
