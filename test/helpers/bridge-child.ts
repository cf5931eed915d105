/**
 * Run by the staging tests in a process of their own: a real backend and loopback bridge, so that the
 * server's memory can be measured apart from the test's. Prints `{ port, token }` once listening; then on each
 * line of stdin, `mem` prints `{ liveMb, rssMb, peakMb }` after full garbage collections (run with --expose-gc),
 * and `quit` closes everything and exits. `liveMb` is what the process's JavaScript still holds (V8's heap in
 * use plus the memory of Buffers and other ArrayBuffers): unlike the rss, it does not depend on whether the
 * allocator has handed freed pages back to the system, which varies from run to run and with the machine's load.
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

/**
 * Two full collections a turn of the event loop apart: sockets and requests just finished are released by
 * callbacks that run after the first, and what they held is freed by the second.
 */
async function collect(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bridge-child must run with --expose-gc');
  for (let i = 0; i < 2; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line === 'mem') {
    await collect();
    const usage = process.memoryUsage();
    console.log(JSON.stringify({ liveMb: mb(usage.heapUsed + usage.external), rssMb: mb(usage.rss), peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  } else if (line === 'quit') {
    await bridge.close();
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
}
