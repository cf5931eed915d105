#!/usr/bin/env node
// `npm start`: run the desktop app from this checkout.
//  (a) find the Electron executable without require('electron') (which would try to download and throw);
//      if missing, run electron's own downloader once; if that fails, say so plainly and exit 1.
//  (b) build the renderer (Vite) and the Electron bundles (esbuild) when missing or stale.
//  (c) fetch better-sqlite3's prebuilt binding for Electron's ABI into .cache/electron-sqlite/… with
//      better-sqlite3's own prebuild-install (node_modules keeps the Node build for tests, CLI and serve).
//  (d) start Electron on this folder with LEDGER_SQLITE_BINDING pointing at that binding.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleElectron } from './bundle.mjs';
import {
  buildPlan,
  electronEnv,
  electronVersion,
  findElectronBinary,
  isStale,
  missingElectronMessage,
  missingSqliteMessage,
  prebuildInstallArgs,
  sqliteBindingPath,
  sqliteCacheDir,
} from './start-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} message */
function fail(message) {
  console.error(message);
  process.exit(1);
}

/** @param {string} text */
const tail = (text, lines = 15) => text.trim().split('\n').slice(-lines).join('\n');

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

function ensureSqliteBinding() {
  const fromEnv = process.env.LEDGER_SQLITE_BINDING;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  const target = { version: electronVersion(root), platform: process.platform, arch: process.arch };
  const cacheDir = sqliteCacheDir(root, target);
  const binding = sqliteBindingPath(cacheDir);
  if (fs.existsSync(binding)) return binding;

  console.log(`正在获取适用于 Electron ${target.version} 的 better-sqlite3（只需一次）…`);
  fs.mkdirSync(cacheDir, { recursive: true });
  // prebuild-install reads the package name, version and repository from ./package.json and unpacks into ./build.
  fs.copyFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), path.join(cacheDir, 'package.json'));
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'prebuild-install', 'bin.js'), ...prebuildInstallArgs(target)],
    { cwd: cacheDir, encoding: 'utf8', timeout: 5 * 60_000 },
  );
  if (result.status === 0 && fs.existsSync(binding)) return binding;
  const output = tail(`${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  fail(`${missingSqliteMessage(target, binding)}${output ? `\n\nprebuild-install:\n${output}` : ''}`);
  return '';
}

async function main() {
  const electron = ensureElectron();
  await ensureBuilt();
  const binding = ensureSqliteBinding();
  const child = spawn(electron, [root, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: electronEnv(process.env, binding),
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => fail(`无法启动 Electron：${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => fail(`npm start 失败：${error instanceof Error ? error.message : String(error)}`));
