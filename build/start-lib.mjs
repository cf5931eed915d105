// Decisions behind `npm start` (build/start.mjs), kept free of side effects so they are unit-tested
// (test/unit/electron/start-lib.test.ts). Types: start-lib.d.mts.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the electron package puts its executable inside dist/, per platform (mirrors node_modules/electron/install.js).
 * @param {NodeJS.Platform} platform
 */
export function electronPlatformPath(platform) {
  switch (platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/**
 * Finds the Electron executable the way node_modules/electron/index.js does, but without downloading:
 * path.txt names it inside node_modules/electron/dist, or inside ELECTRON_OVERRIDE_DIST_PATH when that is set.
 * @param {{ root: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform, exists?: (file: string) => boolean, readText?: (file: string) => string | null }} options
 * @returns {{ path: string, found: boolean }}
 */
export function findElectronBinary(options) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? ((file) => fs.existsSync(file));
  const readText = options.readText ?? readTextOrNull;
  const packageDir = path.join(options.root, 'node_modules', 'electron');
  const named = readText(path.join(packageDir, 'path.txt'));
  const relative = named && named.trim() ? named.trim() : electronPlatformPath(platform);
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  return { path: binary, found: exists(binary) };
}

/**
 * @param {string} file
 * @returns {string | null}
 */
function readTextOrNull(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The version of the installed electron package.
 * @param {string} root
 */
export function electronVersion(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  return String(pkg.version);
}

const ignoredDirs = new Set(['node_modules', 'dist', '.cache', '.git', 'release', 'test-results', 'playwright-report']);

/**
 * Newest modification time (ms) of the files under the given paths; 0 when none exist.
 * @param {string[]} paths
 */
export function newestMtime(paths) {
  let newest = 0;
  /** @param {string} entry */
  const visit = (entry) => {
    let stat;
    try {
      stat = fs.statSync(entry);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      if (ignoredDirs.has(path.basename(entry))) return;
      for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    } else if (stat.mtimeMs > newest) {
      newest = stat.mtimeMs;
    }
  };
  for (const entry of paths) visit(entry);
  return newest;
}

/**
 * True when an output is missing or older than the newest input.
 * @param {string[]} outputs
 * @param {string[]} inputs
 */
export function isStale(outputs, inputs) {
  let oldestOutput = Infinity;
  for (const output of outputs) {
    try {
      oldestOutput = Math.min(oldestOutput, fs.statSync(output).mtimeMs);
    } catch {
      return true;
    }
  }
  return newestMtime(inputs) > oldestOutput;
}

/**
 * What each build step reads and writes, relative to the project root.
 * @param {string} root
 */
export function buildPlan(root) {
  const at = (/** @type {string[]} */ ...parts) => path.join(root, ...parts);
  return {
    renderer: {
      inputs: [at('renderer'), at('shared'), at('vite.config.ts'), at('package.json')],
      outputs: [at('dist', 'renderer', 'index.html')],
    },
    electron: {
      inputs: [at('electron'), at('shared'), at('db'), at('package.json'), at('build', 'bundle.mjs'), at('build', 'icon.png')],
      outputs: ['main.cjs', 'preload.cjs', 'utility-host.cjs'].map((file) => at('dist', 'electron', file)),
    },
  };
}

/**
 * The environment Electron is started with: never as plain Node. better-sqlite3 13 carries one Node-API binding
 * that Electron loads as it is, so nothing about SQLite is passed (an old LEDGER_SQLITE_BINDING is dropped).
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function electronEnv(env) {
  const result = { ...env };
  delete result.ELECTRON_RUN_AS_NODE;
  delete result.LEDGER_SQLITE_BINDING;
  return result;
}

/** Printed when no Electron executable can be had: one paragraph, Chinese first, no stack trace. */
export const missingElectronMessage =
  '无法在本机获得 Electron 可执行文件：它需要联网下载一次，而这台机器无法访问下载地址，所以桌面窗口打不开。' +
  '可以改用 npm run serve，在浏览器中打开同一个程序（同一个后台、同一个数据库）；' +
  '或在能联网的机器上运行一次 npm start，再把 node_modules/electron/dist 复制过来（也可用 ELECTRON_OVERRIDE_DIST_PATH 指向它）。' +
  ' The Electron binary could not be obtained on this machine: it has to be downloaded from the internet once, and that download failed here. ' +
  'Run npm run serve to open the same app (same backend, same database) in a browser instead, or run npm start once on a machine with internet ' +
  'and copy node_modules/electron/dist over (or point ELECTRON_OVERRIDE_DIST_PATH at it).';

/** What Chromium prints when Linux will not let it build its sandbox (Ubuntu ≥ 23.10's AppArmor rule, among others). */
const sandboxAbort = /No usable sandbox!|The SUID sandbox helper binary was found, but is not configured correctly/;

/**
 * The one-line fix for `npm start` when Electron aborted because its sandbox could not start, or null.
 * chrome-sandbox made setuid-root is what Chromium asks for and loosens nothing system-wide (unlike turning
 * kernel.apparmor_restrict_unprivileged_userns off); installed .deb packages need neither.
 * @param {string} stderr what Electron printed
 * @param {string} electronDir the folder of the Electron executable (chrome-sandbox sits beside it)
 * @returns {string | null}
 */
export function sandboxAbortHint(stderr, electronDir) {
  if (!sandboxAbort.test(stderr)) return null;
  const sandbox = path.join(electronDir, 'chrome-sandbox');
  return (
    'Electron 因 Linux 的沙箱限制而退出（Ubuntu 23.10 及以后的 AppArmor 禁止未授权的用户命名空间）。运行下面一行后再 npm start：\n' +
    `  sudo chown root:root '${sandbox}' && sudo chmod 4755 '${sandbox}'\n` +
    '安装好的 .deb 包不需要这一步。 Electron aborted: Linux would not let it start its sandbox (AppArmor on Ubuntu ≥ 23.10); run the line above once.'
  );
}

