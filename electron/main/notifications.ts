import { Notification } from 'electron';
import type { JobNotice } from './jobNotifications.ts';

/** Held until dismissed or clicked: a notification that is garbage-collected loses its click handler. */
const shown = new Set<Notification>();

/** The OS notification for a finished lecture; `open` brings the window forward showing that lecture. */
export function showJobNotice(notice: JobNotice, open: (jobId: number) => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: notice.title, body: notice.body });
  shown.add(notification);
  notification.on('click', () => {
    shown.delete(notification);
    open(notice.jobId);
  });
  notification.on('close', () => shown.delete(notification));
  notification.show();
}
