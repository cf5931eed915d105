/**
 * Where `ledger serve` finds the built renderer, and its refusal to start without one: a fresh clone has no
 * dist/renderer, and a bridge serving nothing would print "台账已在本机启动" and answer the browser with a JSON 404.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LedgerError } from '../../shared/errors';

export function rendererDir(env: NodeJS.ProcessEnv): string {
  return env.LEDGER_RENDERER_DIR ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));
}

export function assertRendererBuilt(dir: string): void {
  if (fs.existsSync(path.join(dir, 'index.html'))) return;
  throw new LedgerError(
    'NOT_FOUND',
    `界面尚未构建（找不到 ${path.join(dir, 'index.html')}），无法在浏览器中打开台账。请改用 npm run serve（它会先构建界面再启动），或先运行 npm run build:renderer。`,
  );
}
