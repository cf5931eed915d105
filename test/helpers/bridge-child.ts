/**
 * Run by the staging tests in a process of their own: a real backend and loopback bridge, so that the
 * server's memory can be measured apart from the test's. Prints `{ port, token }` once listening; then on each
 * line of stdin, `mem` prints `{ rssMb, peakMb }` after a full garbage collection (run with --expose-gc), and
 * `quit` closes everything and exits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { openBackend } from '../../electron/backend/backend';
import { startBridge } from '../../electron/serve/server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bridge-'));
fs.mkdirSync(path.join(dir, 'renderer'));
fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
const backend = await openBackend({ dbPath: path.join(dir, 'ledger.sqlite'), actor: 'bridge' });
const bridge = await startBridge({ backend, staticDir: path.join(dir, 'renderer') });
console.log(JSON.stringify({ port: bridge.port, token: bridge.token }));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line === 'mem') {
    (globalThis as { gc?: () => void }).gc?.();
    console.log(JSON.stringify({ rssMb: mb(process.memoryUsage().rss), peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  } else if (line === 'quit') {
    await bridge.close();
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
}
