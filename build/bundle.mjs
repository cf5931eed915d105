#!/usr/bin/env node
// Bundles the Electron side with esbuild (the renderer is built separately: `npx vite build` → dist/renderer):
//   dist/electron/main.cjs          main process            (electron/main/main.ts)
//   dist/electron/preload.cjs       sandboxed preload       (electron/main/preload.ts)
//   dist/electron/utility-host.cjs  backend utility process (electron/backend/utility-host.ts)
//   dist/cli/ledger.mjs             the `ledger` command    (electron/cli/main.ts; see bundleCli)
// 'electron' and 'better-sqlite3' stay external: Electron provides the first, and the second is a native module
// loaded from node_modules (better-sqlite3 13's prebuilt Node-API binding, which Node and Electron both load).
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(here, '..');

/** Entry points and outputs, relative to the project root. */
export const bundles = [
  { entry: 'electron/main/main.ts', out: 'dist/electron/main.cjs', target: ['node22'] },
  { entry: 'electron/main/preload.ts', out: 'dist/electron/preload.cjs', target: ['chrome140'] },
  { entry: 'electron/backend/utility-host.ts', out: 'dist/electron/utility-host.cjs', target: ['node22'] },
];

/** A sandboxed preload may only require these (Electron docs, "Process Sandboxing"). */
const sandboxedPreloadModules = new Set(['electron', 'events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

/**
 * Builds the bundles (all three unless `only` names some outputs, e.g. ['utility-host.cjs']).
 * `outDir` (tests) replaces dist/electron; it must sit inside the project so node_modules resolves.
 * Returns the output paths.
 * @param {{ root?: string, minify?: boolean, outDir?: string, only?: string[] }} [options]
 * @returns {Promise<string[]>}
 */
export async function bundleElectron(options = {}) {
  const root = options.root ?? projectRoot;
  const outDir = options.outDir ?? path.join(root, 'dist', 'electron');
  const outputs = [];
  for (const { entry, out, target } of bundles) {
    if (options.only && !options.only.includes(path.basename(out))) continue;
    const outfile = path.join(outDir, path.basename(out));
    const isPreload = out.endsWith('preload.cjs');
    await build({
      absWorkingDir: root,
      entryPoints: [path.join(root, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target,
      external: ['electron', 'better-sqlite3'],
      sourcemap: true,
      minify: options.minify ?? false,
      // The preload's installLedgerInMainWorld is serialized by Electron: no helper wrappers around functions.
      keepNames: false,
      legalComments: 'none',
      logLevel: 'warning',
      // CommonJS output has no import.meta: give code that reads import.meta.url a working value
      // (not in the preload, which needs none). The banner restates 'use strict' since it must come first.
      ...(isPreload
        ? {}
        : {
            define: { 'import.meta.url': '__ledgerImportMetaUrl' },
            banner: { js: "'use strict';\nconst __ledgerImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
          }),
    });
    outputs.push(outfile);
  }
  const preload = outputs.find((file) => file.endsWith('preload.cjs'));
  if (preload) await checkPreload(preload);
  await fs.copyFile(path.join(root, 'build', 'icon.png'), path.join(outDir, 'icon.png')).catch(() => undefined);
  await copySheetJs(root, outDir);
  if (!options.only) await bundleDocumentLibs(root, outDir, options.minify ?? false);
  return outputs;
}

/** Loaded from node_modules by the CLI bundle: native, or large and needed only by some commands. */
const cliExternal = ['better-sqlite3', 'exceljs', 'xlsx', 'docx', 'mammoth', 'word-extractor', 'playwright-core', 'electron'];

/** For CommonJS code in an ES module bundle that calls require(). */
const esmRequireBanner = { js: "import { createRequire as __ledgerCreateRequire } from 'node:module';\nconst require = __ledgerCreateRequire(import.meta.url);" };

/** The CLI bundle: an ES module (main.ts awaits at top level) and the chunks it loads on demand. */
export const cliBundle = { entry: 'electron/cli/main.ts', outDir: 'dist/cli', out: 'dist/cli/ledger.mjs' };

/**
 * Bundles the `ledger` command, so it starts without compiling TypeScript (tsx took 1.3–2.7 s at every start).
 * Heavy and native packages stay external, loaded from node_modules as the CLI runs from a checkout; modules reached
 * only through a dynamic import (export, verify: ExcelJS, SheetJS) become chunks of their own, so `ledger
 * --help` or `ledger status` never loads them.
 * @param {{ root?: string, outDir?: string }} [options]
 * @returns {Promise<string>} the entry file
 */
export async function bundleCli(options = {}) {
  const root = options.root ?? projectRoot;
  const outDir = options.outDir ?? path.join(root, cliBundle.outDir);
  await fs.rm(outDir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { ledger: path.join(root, cliBundle.entry) },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: ['node22'],
    // Heavy or native packages are loaded from node_modules, and the heavy ones only by lazy chunks; the small
    // ones the backend loads at every start (kysely and zod: hundreds of ES module files) go into the bundle.
    external: cliExternal,
    banner: esmRequireBanner,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return path.join(outDir, 'ledger.mjs');
}

/**
 * A benchmark's own script bundled as `ledger import` is (bundleCli's settings, no code splitting), so that what
 * it times is the code the app and the CLI run, not the sources compiled by tsx at load (which wraps every named
 * function made at run time in a naming helper, and keeps a module per file). Written to dist/bench, inside the
 * project, so node_modules resolves.
 * @param {string} entry the script, absolute
 * @returns {Promise<string>} the bundle
 */
export async function bundleBenchScript(entry) {
  const outfile = path.join(projectRoot, 'dist', 'bench', `${path.basename(entry, path.extname(entry))}.mjs`);
  await build({
    absWorkingDir: projectRoot,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: ['node22'],
    external: [...cliExternal, 'esbuild'],
    banner: esmRequireBanner,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * The importer parses untrusted files in a worker that loads SheetJS from disk (the bundle has no separate
 * worker file): ship SheetJS's CommonJS build beside the bundle, where the worker looks first.
 * @param {string} root
 * @param {string} outDir
 */
async function copySheetJs(root, outDir) {
  const from = path.join(root, 'node_modules', 'xlsx');
  const to = path.join(outDir, 'sheetjs');
  await fs.mkdir(path.join(to, 'dist'), { recursive: true });
  await fs.copyFile(path.join(from, 'xlsx.js'), path.join(to, 'xlsx.js'));
  await fs.copyFile(path.join(from, 'dist', 'cpexcel.js'), path.join(to, 'dist', 'cpexcel.js'));
}

/**
 * The importer's worker reads Word documents with mammoth (.docx) and word-extractor (.doc), loaded from disk
 * like SheetJS: each is bundled with its dependencies into one CommonJS file in doclibs/, where the worker
 * looks first (electron/backend/import/document.ts).
 * @param {string} root
 * @param {string} outDir
 * @param {boolean} minify
 */
async function bundleDocumentLibs(root, outDir, minify) {
  for (const [name, file] of [['mammoth', 'mammoth.cjs'], ['word-extractor', 'word-extractor.cjs']]) {
    await build({
      absWorkingDir: root,
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
      outfile: path.join(outDir, 'doclibs', file),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: ['node22'],
      minify,
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
}

/**
 * Fails the build if the sandboxed preload would require a module the sandbox does not provide.
 * @param {string} file
 */
export async function checkPreload(file) {
  const text = await fs.readFile(file, 'utf8');
  const required = [...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
  const forbidden = required.filter((name) => !sandboxedPreloadModules.has(name));
  if (forbidden.length > 0) {
    throw new Error(`preload.cjs requires modules a sandboxed preload cannot load: ${[...new Set(forbidden)].join(', ')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  Promise.all([bundleElectron({ minify: process.argv.includes('--minify') }), bundleCli()]).then(
    ([outputs, cli]) => console.log(`已生成：${[...outputs, cli].map((file) => path.relative(projectRoot, file)).join('，')}`),
    (error) => {
      console.error(`打包失败：${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
