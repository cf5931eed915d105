import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, tokenHeader, type Bridge } from '../../../electron/serve/server';
import { testBackend, type TestBackend } from '../../helpers/backend';
import { tempDir } from '../../helpers/temp';

let backend: TestBackend;
let bridge: Bridge;
afterEach(async () => {
  await bridge.close();
  backend.close();
});

async function post(method: string, input: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> {
  const reply = await fetch(`http://127.0.0.1:${bridge.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [tokenHeader]: bridge.token },
    body: JSON.stringify(input),
  });
  return { status: reply.status, body: (await reply.json()) as never };
}

describe('a key or sealed file the user uploads that is refused', () => {
  it('answers 4xx with the Chinese reason, never 500', async () => {
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    backend = await testBackend();
    bridge = await startBridge({ backend, staticDir });
    const notAWorkbook = { fileName: 'key.xlsx', contentBase64: Buffer.from('{"format":"minsheng-ledger/key@1"}').toString('base64') };
    const uploads: [string, unknown][] = [
      ['keys.trust', { keyFile: '{"format":"minsheng-ledger/key@1","office":"乡","publicKeyPem":"x","fingerprint":"y"}' }],
      ['keys.trust', { keyFile: 'not json at all' }],
      ['keys.inspect', { keyFile: '[]' }],
      ['keys.trustSeal', notAWorkbook],
      ['verify.file', notAWorkbook],
      ['consolidate.add', notAWorkbook],
    ];
    for (const [method, input] of uploads) {
      const { status, body } = await post(method, input);
      expect({ method, status: status >= 400 && status < 500 }).toEqual({ method, status: true });
      expect(body.ok).toBe(false);
      expect(body.error?.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
