#!/usr/bin/env node
// `npm start`: run the desktop app from this checkout.
//  (a) find the Electron executable without require('electron') (which would try to download and throw);
//      if missing, run electron's own downloader once; if that fails, say so plainly and exit 1.
//  (b) build the renderer (Vite) and the Electron bundles (esbuild) when missing or stale.
//  (c) start Electron on this folder. better-sqlite3 13 ships one Node-API binding per platform inside its npm
//      package, which Node and Electron both load: there is no per-Electron binding to fetch or rebuild.
//  (d) if Electron aborts because Linux refused its sandbox (AppArmor, Ubuntu ≥ 23.10), print the one-line fix.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleElectron } from './bundle.mjs';
import {
  buildPlan,
  electronEnv,
  findElectronBinary,
  isStale,
  missingElectronMessage,
  sandboxAbortHint,
} from './start-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} message */
function fail(message) {
  console.error(message);
  process.exit(1);
}

function ensureElectron() {
  let binary = findElectronBinary({ root });
  if (binary.found) return binary.path;
  console.log('没有找到 Electron 可执行文件，正在尝试下载（只需一次）…');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  binary = findElectronBinary({ root });
  if (result.status === 0 && binary.found) return binary.path;
  fail(missingElectronMessage);
  return '';
}

async function ensureBuilt() {
  const plan = buildPlan(root);
  if (isStale(plan.renderer.outputs, plan.renderer.inputs)) {
    console.log('正在构建界面（vite build）…');
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) fail('界面构建失败（见上方输出）。 The renderer build failed (see the output above).');
  }
  if (isStale(plan.electron.outputs, plan.electron.inputs)) {
    console.log('正在打包主进程、预加载脚本和后台（esbuild）…');
    try {
      await bundleElectron({ root });
    } catch (error) {
      fail(`打包失败：${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

async function main() {
  const electron = ensureElectron();
  await ensureBuilt();
  const child = spawn(electron, [root, ...process.argv.slice(2)], {
    cwd: root,
    stdio: ['inherit', 'inherit', 'pipe'],
    env: electronEnv(process.env),
  });
  // stderr is passed through as it comes; its start is kept to recognise a sandbox abort (which happens at once).
  let early = '';
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    if (early.length < 64_000) early += String(chunk);
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => fail(`无法启动 Electron：${error.message}`));
  child.on('exit', (code, signal) => {
    const hint = code === 0 ? null : sandboxAbortHint(early, path.dirname(electron));
    if (hint) console.error(`\n${hint}`);
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main().catch((error) => fail(`npm start 失败：${error instanceof Error ? error.message : String(error)}`));
