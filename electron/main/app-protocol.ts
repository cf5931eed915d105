/**
 * The app:// protocol that serves the built renderer (dist/renderer), and the security constants around it.
 * No 'electron' import: main.ts plugs `serveAppRequest` into `protocol.handle`, unit tests call it directly.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy, contentTypeFor } from '../../shared/web-assets';

export const appScheme = 'app';
export const appHost = 'ledger';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

export { contentSecurityPolicy, contentTypeFor };

export type AppPath = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an app:// URL to a file inside `root`, or refuses it. Refused: another host, an undecodable
 * path, NUL bytes, backslashes, drive letters or stream names (':'), and anything that would
 * resolve outside `root` ('..', encoded or not). A path without an extension is a client-side
 * route and gets index.html.
 */
export function resolveAppPath(url: string, root: string, pathApi: typeof path = path): AppPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return { ok: false, status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (/[\0\\:]/.test(decoded)) return { ok: false, status: 403 };
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return { ok: false, status: 403 };
  if (segments.length === 0) segments.push('index.html');
  else if (!pathApi.extname(segments[segments.length - 1] ?? '')) segments.splice(0, segments.length, 'index.html');

  const base = pathApi.resolve(root);
  const file = pathApi.resolve(base, ...segments);
  const relative = pathApi.relative(base, file);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return { ok: false, status: 403 };
  return { ok: true, file };
}

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

const statusText: Record<number, string> = { 400: '请求无效', 403: '禁止访问', 404: '找不到文件', 405: '不支持的请求方法' };

function refusal(status: number): Response {
  return new Response(statusText[status] ?? '错误', {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The `protocol.handle('app', …)` handler: reads from `root` only, with the CSP on every response. */
export async function serveAppRequest(
  request: Request,
  root: string,
  readFile: (file: string) => Promise<Uint8Array> = (file) => fs.readFile(file),
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
  const resolved = resolveAppPath(request.url, root);
  if (!resolved.ok) return refusal(resolved.status);
  let body: Uint8Array;
  try {
    body = await readFile(resolved.file);
  } catch {
    return refusal(404);
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...securityHeaders(), 'Content-Type': contentTypeFor(resolved.file) },
  });
}

/** Whether a URL is a page of our own app (for navigation and IPC sender checks). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}
