#!/usr/bin/env node
// Checks electron-builder.yml without packaging anything (packaging needs the internet):
//  1. electron-builder's own loader reads the file and its own validator (ajv over app-builder-lib/scheme.json,
//     the same call `electron-builder` makes before building) accepts it;
//  2. the security fuses are what DESIGN §7 asks for;
//  3. the command-line override for Playwright builds, -c.electronFuses.enableNodeCliInspectArguments=true,
//     parsed by electron-builder's own yargs setup, is deep-merged over the file and ends up a real boolean;
//  4. the icon exists and is a 512×512 PNG.
// Usage: node build/check-builder-config.mjs [extra electron-builder CLI args to merge]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const builderCli = require('electron-builder/out/builder');
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');

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
expect(base.npmRebuild === true, 'npmRebuild should be true');
expect(base.productName === '民生实事台账', 'productName should be 民生实事台账');
expect(base.nsis?.oneClick === false, 'nsis.oneClick should be false');

const forTests = await effectiveConfig(['--linux', '--dir', inspectOverride]);
expect(
  forTests.electronFuses?.enableNodeCliInspectArguments === true,
  `${inspectOverride} should switch the inspect fuse on (got ${JSON.stringify(forTests.electronFuses?.enableNodeCliInspectArguments)})`,
);
expect(forTests.electronFuses?.runAsNode === false, 'the override must leave the other fuses alone');

const icon = fs.readFileSync(path.join(root, 'build', 'icon.png'));
const isPng = icon.subarray(1, 4).toString('ascii') === 'PNG';
expect(isPng && icon.readUInt32BE(16) === 512 && icon.readUInt32BE(20) === 512, 'build/icon.png should be a 512×512 PNG');

if (problems.length > 0) {
  console.error(`electron-builder.yml 检查未通过：\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  `electron-builder.yml 检查通过：配置合法（electron-builder 自带校验），熔断开关正确，${inspectOverride} 可为 Playwright 构建打开 inspect。`,
);
