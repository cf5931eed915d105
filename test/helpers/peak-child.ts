/**
 * Run by test/helpers/peak.ts in a process of its own: reads one file the way the app does and prints one line
 * of JSON with the time taken (start-up excluded) and the process's peak memory (maxRSS: the parsing worker's
 * heap included, since a worker thread lives in the same process).
 *   read    — readWorkbook with the default limits
 *   preview — a real backend over a fresh SQLite file: import.stage, then import.preview
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LedgerError } from '../../shared/errors';
import { openBackend } from '../../electron/backend/backend';
import { readWorkbook } from '../../electron/backend/import/read';

async function outcomeOf(mode: string, file: string, fileName: string): Promise<string> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (mode === 'read') {
    const read = await readWorkbook(bytes, { fileName });
    return `read:${read.sheet}:${read.grid.cells.length}`;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-peak-'));
  const backend = await openBackend({ dbPath: path.join(dir, 'ledger.sqlite'), actor: 'peak' });
  try {
    const staged = (await backend.call('import.stage', { fileName, contentBase64: Buffer.from(bytes).toString('base64') })) as { stagingId: string };
    const preview = (await backend.call('import.preview', { stagingId: staged.stagingId })) as { sheet: string; rows: unknown[] };
    return `preview:${preview.sheet}:${preview.rows.length}`;
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const [mode = 'read', file = '', fileName = path.basename(file), lifeMs = '30000'] = process.argv.slice(2);
// Ends itself past its time even if the test that started it is gone (a runner killed on timeout kills no children).
setTimeout(() => process.exit(3), Number(lifeMs)).unref();
const started = performance.now();
let outcome: string;
try {
  outcome = await outcomeOf(mode, file, fileName);
} catch (error) {
  outcome = error instanceof LedgerError ? `${error.code}:${error.message}` : `THROWN:${String(error)}`;
}
const ms = Math.round(performance.now() - started);
console.log(JSON.stringify({ ms, peakMb: Math.round(process.resourceUsage().maxRSS / 1024), outcome }));
