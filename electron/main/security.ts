/**
 * Decisions behind the Electron security checklist (DESIGN §7), as pure functions so they are unit-tested
 * in plain Node. main.ts only wires them to Electron events. No 'electron' import.
 */
import { isAppUrl } from './app-protocol';

/** The parts of an IPC event the sender check reads (Electron's IpcMainInvokeEvent has them all). */
export interface SenderInfo {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * A call is accepted only from the main window's web contents, from its top frame (no iframe),
 * while that frame shows our own app:// page. Ids are compared, not wrapper objects.
 */
export function isTrustedSender(event: SenderInfo, mainWebContentsId: number | null): boolean {
  if (mainWebContentsId === null || event.sender.id !== mainWebContentsId) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Navigation (will-navigate, will-redirect, will-frame-navigate) is allowed only within app://ledger. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

const allowedRequestSchemes = new Set(['app:', 'data:', 'blob:']);
/** The developer tools load their own pages through these: allowed only in development (`npm start`). */
const developmentSchemes = new Set(['devtools:', 'chrome-extension:']);

/**
 * No remote content: any request that is not to our own scheme (or inline data) is cancelled.
 * `development` is true only for an unpackaged app (main passes `!app.isPackaged`).
 */
export function isBlockedRequest(url: string, options: { development: boolean } = { development: false }): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return true;
  }
  if (protocol === 'app:') return !isAppUrl(url);
  if (options.development && developmentSchemes.has(protocol)) return false;
  return !allowedRequestSchemes.has(protocol);
}

/** Every permission (camera, notifications, clipboard read, geolocation, …) is denied. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}
