#!/usr/bin/env node
// Checks electron-builder.yml without packaging anything (packaging needs the internet):
//  1. electron-builder's own loader reads the file and its own validator (ajv over app-builder-lib/scheme.json,
//     the same call `electron-builder` makes before building) accepts it;
//  2. the security fuses are what DESIGN §7 asks for;
//  3. the command-line override for Playwright builds, -c.electronFuses.enableNodeCliInspectArguments=true,
//     parsed by electron-builder's own yargs setup, is deep-merged over the file and ends up a real boolean;
//  4. the icon exists and is a 512×512 PNG;
//  5. nothing native is rebuilt (npmRebuild false), and electron-builder's own file matchers, with its own macro
//     expansion for each target, keep exactly the target's better-sqlite3 prebuild and unpack it from the asar.
// Usage: node build/check-builder-config.mjs [extra electron-builder CLI args to merge]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const builderCli = require('electron-builder/out/builder');
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { getNodeModuleFileMatcher, getFileMatchers } = require('app-builder-lib/out/fileMatcher');
const { expandMacro } = require('app-builder-lib/out/util/macroExpander');

export const inspectOverride = '-c.electronFuses.enableNodeCliInspectArguments=true';

const expectedFuses = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

/**
 * Loads and validates the configuration as `electron-builder <args>` would.
 * @param {string[]} args
 */
async function effectiveConfig(args) {
  const yargs = builderCli.createYargs();
  builderCli.configureBuildCommand(yargs);
  const options = builderCli.normalizeOptions(yargs.parse(args));
  const fromCli = options.config && typeof options.config === 'object' ? options.config : null;
  const config = await getConfig(root, null, fromCli);
  try {
    await validateConfiguration(config, { isEnabled: false, add: () => undefined });
  } catch (error) {
    console.error(`electron-builder.yml 不合法：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  return config;
}

/** @type {string[]} */
const problems = [];
/**
 * @param {boolean} ok
 * @param {string} message
 */
const expect = (ok, message) => {
  if (!ok) problems.push(message);
};

const base = await effectiveConfig(['--linux', '--dir', ...process.argv.slice(2)]);
for (const [fuse, value] of Object.entries(expectedFuses)) {
  expect(base.electronFuses?.[fuse] === value, `electronFuses.${fuse} should be ${value}, is ${base.electronFuses?.[fuse]}`);
}
expect(base.npmRebuild === false, 'npmRebuild should be false: better-sqlite3 13 is loaded by Electron as built');
expect(base.productName === '民生实事台账', 'productName should be 民生实事台账');
expect(base.nsis?.oneClick === false, 'nsis.oneClick should be false');

const forTests = await effectiveConfig(['--linux', '--dir', inspectOverride]);
expect(
  forTests.electronFuses?.enableNodeCliInspectArguments === true,
  `${inspectOverride} should switch the inspect fuse on (got ${JSON.stringify(forTests.electronFuses?.enableNodeCliInspectArguments)})`,
);
expect(forTests.electronFuses?.runAsNode === false, 'the override must leave the other fuses alone');

/**
 * Which prebuilds a package for one target carries, and which of them go to app.asar.unpacked, decided by
 * electron-builder's own matchers exactly as its PlatformPackager builds them (macros expanded per arch, the
 * platform section's `files` added to the top-level ones).
 * @param {Record<string, any>} config
 * @param {'linux' | 'win'} os electron-builder's name of the platform section
 * @param {'x64' | 'arm64'} arch
 */
function prebuildsPackaged(config, os, arch) {
  const appDir = root;
  const macroExpander = (/** @type {string} */ pattern) => expandMacro(pattern, arch, {}, { os, '/*': '{,/**/*}' });
  const platformOptions = config[os] ?? {};
  const modules = getNodeModuleFileMatcher(appDir, '/out', macroExpander, platformOptions, { config, debugLogger: { isEnabled: false } });
  const keep = modules.createFilter();
  const [unpackMatcher] = getFileMatchers(config, 'asarUnpack', '/out', { macroExpander, customBuildOptions: platformOptions, globalOutDir: path.join(root, 'release'), defaultSrc: appDir }) ?? [];
  const unpack = unpackMatcher?.createFilter();
  const dir = path.join(root, 'node_modules', 'better-sqlite3', 'prebuilds');
  const kept = [];
  const unpacked = [];
  for (const name of fs.readdirSync(dir)) {
    const relative = `node_modules/better-sqlite3/prebuilds/${name}`;
    const stat = Object.assign(fs.statSync(path.join(dir, name)), { moduleFullFilePath: relative });
    if (!keep(path.join(appDir, relative), stat)) continue;
    kept.push(name);
    if (unpack?.(path.join(appDir, relative), stat)) unpacked.push(name);
  }
  // A binding built from source (README, "Linux") is packaged and unpacked too.
  const built = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  const builtStat = Object.assign(fs.statSync(path.join(root, 'package.json')), { moduleFullFilePath: built });
  const keepsBuilt = keep(path.join(appDir, built), builtStat) && Boolean(unpack?.(path.join(appDir, built), builtStat));
  return { kept, unpacked, keepsBuilt };
}

for (const [os, platform, arch] of /** @type {const} */ ([['linux', 'linux', 'x64'], ['linux', 'linux', 'arm64'], ['win', 'win32', 'x64']])) {
  const { kept, unpacked, keepsBuilt } = prebuildsPackaged(base, os, arch);
  expect(keepsBuilt, `${os} ${arch} should carry and unpack a build/Release/better_sqlite3.node built from source`);
  const want = `${platform}-${arch}.node`;
  expect(JSON.stringify(kept) === JSON.stringify([want]), `${os} ${arch} should carry only ${want}, carries ${JSON.stringify(kept)}`);
  expect(JSON.stringify(unpacked) === JSON.stringify([want]), `${os} ${arch} should unpack ${want} from app.asar, unpacks ${JSON.stringify(unpacked)}`);
}

const icon = fs.readFileSync(path.join(root, 'build', 'icon.png'));
const isPng = icon.subarray(1, 4).toString('ascii') === 'PNG';
expect(isPng && icon.readUInt32BE(16) === 512 && icon.readUInt32BE(20) === 512, 'build/icon.png should be a 512×512 PNG');

if (problems.length > 0) {
  console.error(`electron-builder.yml 检查未通过：\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `electron-builder.yml 检查通过：配置合法（electron-builder 自带校验），熔断开关正确，${inspectOverride} 可为 Playwright 构建打开 inspect；` +
    '不重建原生模块，每个目标只带本平台的 better-sqlite3 预编译文件并解出 app.asar。',
);
