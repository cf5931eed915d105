import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isBlockedRequest, isPermissionAllowed, isTrustedSender } from '../../../electron/main/security';

describe('IPC sender check', () => {
  const top = { url: 'app://ledger/index.html', parent: null };
  const event = (id: number, senderFrame: { url: string; parent: unknown } | null) => ({ sender: { id }, senderFrame });
  it('trusts only the main window top frame on app://ledger', () => {
    expect(isTrustedSender(event(1, top), 1)).toBe(true);
    expect(isTrustedSender(event(2, top), 1)).toBe(false); // another window
    expect(isTrustedSender(event(1, top), null)).toBe(false); // no main window
    expect(isTrustedSender(event(1, { url: 'app://ledger/index.html', parent: top }), 1)).toBe(false); // an iframe
    expect(isTrustedSender(event(1, null), 1)).toBe(false); // frame gone
    expect(isTrustedSender(event(1, { url: 'https://example.com/', parent: null }), 1)).toBe(false);
    expect(isTrustedSender(event(1, { url: 'app://other/index.html', parent: null }), 1)).toBe(false);
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
    expect(isBlockedRequest('https://example.com/x.js')).toBe(true);
    expect(isBlockedRequest('http://127.0.0.1:8080/')).toBe(true);
    expect(isBlockedRequest('ws://127.0.0.1:8080/')).toBe(true);
    expect(isBlockedRequest('file:///etc/passwd')).toBe(true);
    expect(isBlockedRequest('app://evil/x')).toBe(true);
    expect(isBlockedRequest('::::')).toBe(true);
  });

  it('lets the developer tools load their pages only in development, never in a packaged build', () => {
    const devtools = 'devtools://devtools/bundled/inspector.html';
    const extension = 'chrome-extension://abcdefghijklmnop/page.html';
    expect(isBlockedRequest(devtools, { development: true })).toBe(false);
    expect(isBlockedRequest(extension, { development: true })).toBe(false);
    expect(isBlockedRequest(devtools, { development: false })).toBe(true);
    expect(isBlockedRequest(extension, { development: false })).toBe(true);
    expect(isBlockedRequest(devtools)).toBe(true); // the safe default
    expect(isBlockedRequest('https://example.com/x.js', { development: true })).toBe(true);
  });

  it('denies every permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(permission)).toBe(false);
    }
  });
});
