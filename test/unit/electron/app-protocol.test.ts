import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appEntryUrl,
  contentSecurityPolicy,
  contentTypeFor,
  isAppUrl,
  resolveAppPath,
  serveAppRequest,
} from '../../../electron/main/app-protocol';

const root = path.resolve('/srv/renderer');

describe('resolveAppPath', () => {
  const ok = (url: string) => {
    const resolved = resolveAppPath(url, root);
    return resolved.ok ? path.relative(root, resolved.file).split(path.sep).join('/') : resolved.status;
  };

  it('serves files inside the renderer folder', () => {
    expect(ok(appEntryUrl)).toBe('index.html');
    expect(ok('app://ledger/')).toBe('index.html');
    expect(ok('app://ledger')).toBe('index.html');
    expect(ok('app://ledger/assets/index-abc.js')).toBe('assets/index-abc.js');
    expect(ok('app://ledger/assets/%E5%9B%BE.png')).toBe('assets/图.png');
    expect(ok('app://ledger/assets/a.js?v=1#x')).toBe('assets/a.js');
  });

  it('answers client-side routes with index.html', () => {
    expect(ok('app://ledger/plans/3')).toBe('index.html');
  });

  it('refuses traversal, however it is spelled', () => {
    for (const url of [
      'app://ledger/..%2fsecret.txt',
      'app://ledger/assets/..%2F..%2Fsecret.txt',
      'app://ledger/..%5csecret.txt',
      'app://ledger/assets%5c..%5c..%5csecret.txt',
      'app://ledger/C:%5cWindows%5cwin.ini',
      'app://ledger/C:/Windows/win.ini',
      'app://ledger/index.html%00.js',
      'app://ledger/file.txt:stream',
    ]) {
      expect(ok(url), url).toBe(403);
    }
    // The URL parser itself resolves dot segments (plain or %2e-encoded) first: what is left stays inside the root.
    expect(ok('app://ledger/../../etc/hosts.txt')).toBe('etc/hosts.txt');
    expect(ok('app://ledger/%2e%2e/secret.txt')).toBe('secret.txt');
    expect(ok('app://ledger/assets/%2E%2E/%2E%2E/secret.txt')).toBe('secret.txt');
  });

  it('refuses other hosts, other schemes and malformed URLs', () => {
    expect(ok('app://evil/index.html')).toBe(403);
    expect(ok('file:///etc/passwd')).toBe(403);
    expect(ok('https://ledger/index.html')).toBe(403);
    expect(ok('not a url')).toBe(400);
    expect(ok('app://ledger/%E0%A4%A')).toBe(400);
  });

  it('stays inside the root with Windows paths too', () => {
    const winRoot = 'C:\\Program Files\\民生实事台账\\resources\\app.asar\\dist\\renderer';
    const resolved = resolveAppPath('app://ledger/assets/a.js', winRoot, path.win32);
    expect(resolved).toEqual({ ok: true, file: `${winRoot}\\assets\\a.js` });
    expect(resolveAppPath('app://ledger/..%5c..%5cx', winRoot, path.win32)).toEqual({ ok: false, status: 403 });
  });
});

describe('serveAppRequest', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-app-protocol-'));
    fs.mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>民生实事台账</title>');
    fs.writeFileSync(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), path.join(dir, 'renderer'));

  it('serves files with their type and the strict CSP', async () => {
    const response = await get('app://ledger/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('民生实事台账');
    const script = await get('app://ledger/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses what it must, still with the CSP', async () => {
    const missing = await get('app://ledger/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect((await get('app://ledger/..%2fsecret.txt')).status).toBe(403);
    const dotted = await get('app://ledger/%2e%2e/secret.txt');
    expect(dotted.status).toBe(404);
    expect(await dotted.text()).not.toContain('secret');
    expect((await get('app://ledger/index.html', 'POST')).status).toBe(405);
    const head = await get('app://ledger/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('policy', () => {
  it('is the strict CSP the design asks for', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('knows content types and our own origin', () => {
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('A.SVG')).toBe('image/svg+xml');
    expect(contentTypeFor('blob.bin')).toBe('application/octet-stream');
    expect(isAppUrl('app://ledger/x')).toBe(true);
    expect(isAppUrl('app://ledger.evil/x')).toBe(false);
    expect(isAppUrl('app://evil/x')).toBe(false);
    expect(isAppUrl('http://ledger/x')).toBe(false);
  });
});
