#!/usr/bin/env node
// `npm run ledger -- …`: the bundled `ledger` command (dist/cli/ledger.mjs, built by `npm run build`). When the
// bundle is missing or older than the sources — a fresh clone, or code changed since the last build — it is
// rebuilt first (esbuild, about a second), so the command always runs the code in this checkout.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isStale } from './start-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** cliBundle.out of bundle.mjs, which is imported only to rebuild: it loads esbuild. */
const entry = path.join(root, 'dist', 'cli', 'ledger.mjs');
const inputs = ['electron', 'shared', 'db', 'package.json', 'build/bundle.mjs'].map((p) => path.join(root, p));

if (isStale([entry], inputs)) {
  try {
    const { bundleCli } = await import('./bundle.mjs');
    await bundleCli({ root });
  } catch (error) {
    console.error(`错误：无法构建 ledger 命令：${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
// The bundle reads its arguments from process.argv, as when it is run directly.
await import(pathToFileURL(entry).href);
