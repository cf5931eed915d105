// The import screen as the desktop app runs it: with a window.ledger (the preload's API) present, the file goes to
// import.stage as its bytes, not as base64. The stand-in window.ledger below records that, then forwards the call to
// the loopback bridge (which only speaks JSON) so the rest of the wizard runs against the real backend.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');

/** What the page's global object has here (the e2e tsconfig has no DOM types). */
type PageWindow = { location: { href: string }; __staged: string[] };

function installDesktopLedger(): void {
  const page = globalThis as unknown as PageWindow;
  const token = new URL(page.location.href).searchParams.get('token') ?? '';
  const seen: string[] = [];
  page.__staged = seen;
  const toBase64 = (bytes: Uint8Array) => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  const call = async (method: string, input: Record<string, unknown>) => {
    let body = input;
    if (method === 'import.stage') {
      seen.push(input.content instanceof Uint8Array ? `bytes:${input.content.byteLength}` : 'base64');
      if (input.content instanceof Uint8Array) body = { fileName: input.fileName, contentBase64: toBase64(input.content) };
    }
    const response = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': token },
      body: JSON.stringify(body),
    });
    const reply = (await response.json()) as { ok: boolean; result?: unknown; error?: { code: string; message: string } };
    if (reply.ok) return reply.result;
    throw Object.assign(new Error(reply.error?.message), { code: reply.error?.code });
  };
  Object.defineProperty(page, 'ledger', { value: Object.freeze({ call }) });
}

test.skip(!fs.existsSync(path.join(fixtures, 'yexian-2022-progress.xlsx')), '../shared/fixtures is not beside the repository');

test('the desktop import screen hands window.ledger the file as bytes', async ({ page, ledger }) => {
  await page.addInitScript(installDesktopLedger);
  await page.goto(`${ledger.url}#/import`);
  const file = path.join(fixtures, 'yexian-2022-progress.xlsx');
  await page.getByLabel('选择文件…').setInputFiles(file);
  await expect(page.getByText(/识别出 10 行数据/)).toBeVisible();
  const staged = await page.evaluate(() => (globalThis as unknown as PageWindow).__staged);
  expect(staged).toEqual([`bytes:${fs.statSync(file).size}`]);
});
