/**
 * Run as a process of its own (`tsx open-at.ts START_MS FILE…`): waits until the wall clock reaches START_MS, so
 * several such processes open the same files at the same moment, then opens each file and prints one JSON line
 * per file: {"ok":true} or {"code":"…","message":"…"}.
 */
import { openLedgerDatabase } from '../../db/open';
import { toErrorPayload } from '../../shared/errors';

const [startAt, ...files] = process.argv.slice(2);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
for (const file of files) {
  try {
    const ledger = openLedgerDatabase(file);
    await ledger.close();
    process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ ...toErrorPayload(error), raw: String(error) })}\n`);
  }
}
