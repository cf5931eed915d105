import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { LedgerError, toErrorPayload, type ErrorCode } from '../../shared/errors';
import type { Backend } from '../backend/backend';
import { contentSecurityPolicy, contentTypeFor } from '../../shared/web-assets';
import { isAllowedHost, isAllowedOrigin, tokenMatches } from './security';

export interface BridgeOptions {
  backend: Backend;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  token?: string;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const tokenHeader = 'x-ledger-token';
const maxBodyBytes = 1024 * 1024;
/** import.stage carries the file itself (base64 of up to 100 MB). */
const maxStageBodyBytes = 150 * 1024 * 1024;


const statusOf: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  DB_LOCKED: 503,
  // A file the user chose that is refused (not a workbook, no seal, a forged seal …) is the request's fault.
  IMPORT_NOT_SPREADSHEET: 422,
  IMPORT_ENCRYPTED: 422,
  IMPORT_CORRUPT: 422,
  IMPORT_EMPTY: 422,
  IMPORT_NO_HEADER: 422,
  SEAL_MISSING: 422,
  SEAL_INVALID: 422,
};

/**
 * The loopback bridge: serves the renderer and the one API to a browser on this machine only.
 * Binds 127.0.0.1, checks Host and Origin on every request, and needs the per-launch token for the API.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, error));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!isAllowedHost(req.headers.host, port)) throw new LedgerError('FORBIDDEN', '拒绝访问：只接受来自本机地址的请求。');
    if (!isAllowedOrigin(req.headers.origin, port)) throw new LedgerError('FORBIDDEN', '拒绝访问：请求来自其他网页。');

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, decodePath(url.pathname.slice(5)));
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new LedgerError('FORBIDDEN', '不支持的请求方式。');
    return serveStatic(res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (!tokenMatches(single(req.headers[tokenHeader]), token)) {
      throw new LedgerError('UNAUTHORIZED', '缺少或错误的访问令牌：请使用启动时显示的完整地址打开。');
    }
    if (req.method !== 'POST') throw new LedgerError('FORBIDDEN', '接口只接受 POST 请求。');
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      throw new LedgerError('INVALID_INPUT', '请求格式应为 JSON。');
    }
    const body = await readBody(req, method === 'import.stage' ? maxStageBodyBytes : maxBodyBytes);
    const upload = method === 'import.stage' && options.backend.stageBytes ? uploadOf(body) : null;
    if (upload && options.backend.stageBytes) {
      sendJson(res, 200, { ok: true, result: await options.backend.stageBytes(upload.fileName, upload.bytes) });
      return;
    }
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      throw new LedgerError('INVALID_INPUT', '请求内容不是有效的 JSON。');
    }
    const result = await options.backend.call(method, input);
    sendJson(res, 200, { ok: true, result });
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const relative = pathname === '/' ? 'index.html' : decodePath(pathname).replace(/^\/+/, '');
    let file = path.resolve(staticRoot, relative);
    if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) throw new LedgerError('FORBIDDEN', '拒绝访问该路径。');
    // Client-side routes fall back to the app shell.
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      if (path.extname(relative)) throw new LedgerError('NOT_FOUND', '找不到该文件。');
      file = path.join(staticRoot, 'index.html');
    }
    const isShell = file.endsWith('index.html');
    res.writeHead(200, {
      'Content-Type': contentTypeFor(file),
      'Content-Security-Policy': contentSecurityPolicy,
      'Cache-Control': isShell ? 'no-store' : 'max-age=31536000, immutable',
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const quote = 0x22;
const backslash = 0x5c;
const base64Byte = (b: number): boolean =>
  (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2b || b === 0x2f || b === 0x3d;

/**
 * `{"fileName": …, "contentBase64": "…"}` taken apart without JSON.parse of the whole body: the base64 is
 * decoded from the body's own bytes a few MB at a time, so a 100 MB upload never becomes a 140 MB string
 * (twice: the body's and JSON.parse's). Anything unusual (escapes or line breaks in the base64, another
 * shape) gives null, and the body takes the ordinary path, where the contract judges it.
 */
function uploadOf(body: Buffer): { fileName: string; bytes: Buffer } | null {
  const key = body.indexOf('"contentBase64"');
  if (key < 0) return null;
  let at = key + '"contentBase64"'.length;
  while (body[at] === 0x20 || body[at] === 0x0a || body[at] === 0x0d || body[at] === 0x09) at++;
  if (body[at++] !== 0x3a) return null;
  while (body[at] === 0x20 || body[at] === 0x0a || body[at] === 0x0d || body[at] === 0x09) at++;
  if (body[at] !== quote) return null;
  const start = at + 1;
  const end = body.indexOf(quote, start);
  if (end < 0) return null;
  for (let i = start; i < end; i++) if (!base64Byte(body[i]!) || body[i] === backslash) return null;
  let rest: unknown;
  try {
    rest = JSON.parse(Buffer.concat([body.subarray(0, start), body.subarray(end)]).toString('utf8'));
  } catch {
    return null;
  }
  if (!rest || typeof rest !== 'object' || Array.isArray(rest)) return null;
  const { fileName, contentBase64, ...other } = rest as Record<string, unknown>;
  if (typeof fileName !== 'string' || contentBase64 !== '' || Object.keys(other).length > 0) return null;
  const bytes = Buffer.allocUnsafe(Math.floor(((end - start) * 3) / 4));
  const step = 4 * 1024 * 1024;
  let written = 0;
  for (let i = start; i < end; i += step) written += bytes.write(body.subarray(i, Math.min(end, i + step)).toString('latin1'), written, 'base64');
  return { fileName, bytes: bytes.subarray(0, written) };
}

/** A path segment with a malformed %-escape is the client's mistake (400), not ours (500 and a stack trace). */
function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new LedgerError('INVALID_INPUT', '请求地址的编码不正确。');
  }
}

/** A body past its limit: answered 413 with the JSON error, once the client has finished sending. */
class BodyTooLarge extends LedgerError {
  readonly status = 413;
  constructor(limit: number) {
    super('INVALID_INPUT', `请求内容过大（上限 ${Math.round(limit / 1024 / 1024)} MB），未处理。`);
  }
}

/**
 * The body, at most `limit` bytes, into one buffer (sized from Content-Length when given, so a large upload
 * is not held twice as chunks and their concatenation). Past the limit the rest is read and discarded, up to
 * `drainFactor` times the limit, before answering: closing a socket with data unread resets the connection,
 * and the client would never see the 413. Beyond that it is cut off.
 */
const drainFactor = 4;
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let buffer: Buffer | null = Number.isSafeInteger(declared) && declared >= 0 && declared <= limit ? Buffer.allocUnsafe(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isSafeInteger(declared) && declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (over) {
        buffer = null;
        chunks.length = 0;
        if (size > limit * drainFactor) {
          reject(new BodyTooLarge(limit));
          req.destroy();
        }
        return;
      }
      if (buffer && size <= buffer.length) chunk.copy(buffer, size - chunk.length);
      else {
        if (buffer) chunks.push(buffer.subarray(0, size - chunk.length));
        buffer = null;
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      if (over) reject(new BodyTooLarge(limit));
      else if (buffer) resolve(buffer.subarray(0, size));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendError(res: http.ServerResponse, error: unknown): void {
  const payload = toErrorPayload(error);
  if (payload.code === 'INTERNAL') console.error(error);
  const status = error instanceof BodyTooLarge ? error.status : (statusOf[payload.code] ?? 500);
  sendJson(res, status, { ok: false, error: payload });
}
