import { protocol } from 'electron';
import { mediaScheme } from '../../shared/ipc/mediaUrl.ts';
import { respondToMediaRequest, type MediaResolver } from './mediaProtocolCore.ts';

/**
 * Must run before `app` is ready. `standard` gives the URLs a host and path like http, `secure` lets the page use
 * them without mixed-content warnings, `stream` lets <video> play and seek a range response as it arrives
 * (https://www.electronjs.org/docs/latest/api/protocol#protocolregisterschemesasprivilegedcustomschemes).
 */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: mediaScheme, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
  ]);
}

/** Serves `lectern-media:` on the default session, which is the one the window uses. Call once the app is ready. */
export function handleMediaProtocol(resolve: MediaResolver): void {
  protocol.handle(mediaScheme, (request) => respondToMediaRequest(resolve, request));
}
