/**
 * Decisions behind the Electron security checklist (DESIGN §7), as pure functions so they are unit-tested
 * in plain Node. main.ts only wires them to Electron events. No 'electron' import.
 */
import { isAppUrl } from './app-protocol';

/** A frame may call the backend only if it is the main window's top frame showing our own app:// page. */
export function isTrustedSender(frame: { url: string } | null | undefined, mainFrame: unknown): boolean {
  if (!frame || frame !== mainFrame) return false;
  return isAppUrl(frame.url);
}

/** Navigation (will-navigate, will-redirect, will-frame-navigate) is allowed only within app://ledger. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

const allowedRequestSchemes = new Set(['app:', 'data:', 'blob:', 'devtools:', 'chrome-extension:']);

/** No remote content: any request that is not to our own scheme (or inline data) is cancelled. */
export function isBlockedRequest(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return true;
  }
  if (protocol === 'app:') return !isAppUrl(url);
  return !allowedRequestSchemes.has(protocol);
}

/** Every permission (camera, notifications, clipboard read, geolocation, …) is denied. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}
