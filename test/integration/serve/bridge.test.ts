import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBridge, tokenHeader, type Bridge } from '../../../electron/serve/server';
import { testBackend, type TestBackend } from '../../helpers/backend';
import { tempDir } from '../../helpers/temp';

let backend: TestBackend;
let bridge: Bridge;
let staticDir: string;

beforeEach(async () => {
  const root = tempDir();
  staticDir = path.join(root, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>台账</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  backend = await testBackend();
  bridge = await startBridge({ backend, staticDir });
});
afterEach(async () => {
  await bridge.close();
  backend.close();
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP so that Host and Origin can be forged the way a hostile page would. */
function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, path: pathname, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${bridge.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [tokenHeader]: bridge.token, ...headers },
    body: JSON.stringify(input),
  });

describe('loopback bridge', () => {
  it('listens on 127.0.0.1 only and prints a URL that carries the token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers API calls that carry the token', async () => {
    const created = await api('plans.create', { year: 2022, level: 'county', name: '叶县' });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, result: { name: '叶县' } });
    expect(JSON.parse((await api('plans.list', {})).body).result).toHaveLength(1);
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    for (const headers of [{ [tokenHeader]: '' }, { [tokenHeader]: 'x'.repeat(bridge.token.length) }, { [tokenHeader]: bridge.token + 'x' }]) {
      const reply = await api('plans.create', { year: 2022, level: 'county', name: '叶县' }, headers);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body).error.code).toBe('UNAUTHORIZED');
    }
    expect(await backend.do('plans.list', {})).toEqual([]);
  });

  it('refuses requests naming another host (DNS rebinding), even for static files', async () => {
    for (const host of ['evil.example:80', `evil.example:${bridge.port}`, '127.0.0.1:1']) {
      expect((await request('/', { headers: { Host: host } })).status).toBe(403);
      expect((await api('plans.list', {}, { Host: host })).status).toBe(403);
    }
  });

  it('refuses calls from another origin even with the token', async () => {
    const reply = await api('plans.create', { year: 2022, level: 'county', name: '叶县' }, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect((await api('plans.list', {}, { Origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200);
    expect(await backend.do('plans.list', {})).toEqual([]);
  });

  it('rejects input the contract does not allow, with a Chinese message', async () => {
    const reply = await api('projects.create', { planId: 'one', title: '', leadUnits: [] });
    expect(reply.status).toBe(400);
    const { error } = JSON.parse(reply.body);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/请填写实事名称/);
    expect((await api('nope.nothing', {})).status).toBe(404);
  });

  it('rejects bodies that are not JSON, and methods other than POST', async () => {
    const notJson = await request('/api/plans.list', { method: 'POST', headers: { 'Content-Type': 'application/json', [tokenHeader]: bridge.token }, body: '{' });
    expect(notJson.status).toBe(400);
    const form = await request('/api/plans.list', { method: 'POST', headers: { 'Content-Type': 'text/plain', [tokenHeader]: bridge.token }, body: '{}' });
    expect(form.status).toBe(400);
    expect((await request('/api/plans.list', { headers: { [tokenHeader]: bridge.token } })).status).toBe(403);
  });

  it('serves the renderer with a strict Content-Security-Policy and falls back to the app shell', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('台账');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    expect((await request('/projects')).body).toContain('台账');
    expect((await request('/assets/missing.js')).status).toBe(404);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const reply = await request(attempt);
      expect(reply.body).not.toContain('secret');
    }
  });

  it('answers a malformed %-escape in the path with 400 and the JSON error, logging no stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const bad of ['/api/plans.list%E0%A4%A', '/api/%zz', '/assets/%E0%A4%A.js', '/%C0']) {
        const reply = bad.startsWith('/api/') ? await request(bad, { method: 'POST', headers: { 'Content-Type': 'application/json', [tokenHeader]: bridge.token }, body: '{}' }) : await request(bad);
        expect(reply.status, bad).toBe(400);
        expect(JSON.parse(reply.body).error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/编码不正确/) });
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('answers a body over the limit with 413 and the JSON error, declared or chunked, and keeps serving', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(1536 * 1024) });
    const headers = { 'Content-Type': 'application/json', [tokenHeader]: bridge.token };
    const declared = await request('/api/plans.list', { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(big)) }, body: big });
    const chunked = await request('/api/plans.list', { method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' }, body: big });
    for (const reply of [declared, chunked]) {
      expect(reply.status).toBe(413);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/请求内容过大/) } });
    }
    expect((await api('plans.list', {})).status).toBe(200);
  });
});
