import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isBlockedRequest, isPermissionAllowed, isTrustedSender } from '../../../electron/main/security';

describe('IPC sender check', () => {
  const mainFrame = { url: 'app://ledger/index.html' };
  it('trusts only the main window top frame on app://ledger', () => {
    expect(isTrustedSender(mainFrame, mainFrame)).toBe(true);
    expect(isTrustedSender({ url: 'app://ledger/index.html' }, mainFrame)).toBe(false); // another frame
    expect(isTrustedSender(null, mainFrame)).toBe(false);
    expect(isTrustedSender(undefined, mainFrame)).toBe(false);
    const navigatedAway = { url: 'https://example.com/' };
    expect(isTrustedSender(navigatedAway, navigatedAway)).toBe(false);
    const otherHost = { url: 'app://other/index.html' };
    expect(isTrustedSender(otherHost, otherHost)).toBe(false);
  });
});

describe('navigation and requests', () => {
  it('allows navigation only inside the app', () => {
    expect(isAllowedNavigation('app://ledger/plans')).toBe(true);
    expect(isAllowedNavigation('https://example.com')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });

  it('blocks remote content and file://', () => {
    expect(isBlockedRequest('app://ledger/assets/a.js')).toBe(false);
    expect(isBlockedRequest('data:image/png;base64,AAAA')).toBe(false);
    expect(isBlockedRequest('blob:app://ledger/1234')).toBe(false);
    expect(isBlockedRequest('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(isBlockedRequest('https://example.com/x.js')).toBe(true);
    expect(isBlockedRequest('http://127.0.0.1:8080/')).toBe(true);
    expect(isBlockedRequest('ws://127.0.0.1:8080/')).toBe(true);
    expect(isBlockedRequest('file:///etc/passwd')).toBe(true);
    expect(isBlockedRequest('app://evil/x')).toBe(true);
    expect(isBlockedRequest('::::')).toBe(true);
  });

  it('denies every permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(permission)).toBe(false);
    }
  });
});
