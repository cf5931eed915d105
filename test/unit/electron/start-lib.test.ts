import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPlan,
  electronEnv,
  electronPlatformPath,
  electronVersion,
  findElectronBinary,
  isStale,
  missingElectronMessage,
  sandboxAbortHint,
} from '../../../build/start-lib.mjs';
import { projectRoot } from '../../../build/bundle.mjs';

describe('finding the Electron executable without downloading', () => {
  const root = path.resolve('/proj');
  const dist = path.join(root, 'node_modules', 'electron', 'dist');

  it('uses path.txt inside node_modules/electron/dist', () => {
    const found = findElectronBinary({
      root,
      env: {},
      platform: 'linux',
      readText: (file) => (file.endsWith('path.txt') ? 'electron' : null),
      exists: (file) => file === path.join(dist, 'electron'),
    });
    expect(found).toEqual({ path: path.join(dist, 'electron'), found: true });
  });

  it('falls back to the platform default when path.txt is missing, and reports a missing binary', () => {
    const found = findElectronBinary({ root, env: {}, platform: 'win32', readText: () => null, exists: () => false });
    expect(found).toEqual({ path: path.join(dist, 'electron.exe'), found: false });
    expect(electronPlatformPath('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const found = findElectronBinary({
      root,
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' },
      platform: 'linux',
      readText: () => null,
      exists: () => true,
    });
    expect(found.path).toBe(path.join('/opt/electron-45', 'electron'));
  });

  it('reads the real checkout without throwing', () => {
    const found = findElectronBinary({ root: projectRoot });
    expect(typeof found.found).toBe('boolean');
    expect(electronVersion(projectRoot)).toMatch(/^45\./);
  });
});

describe('better-sqlite3 for Electron', () => {
  it('never starts Electron as plain Node, and passes no binding of its own', () => {
    const env = electronEnv({ ELECTRON_RUN_AS_NODE: '1', PATH: '/bin', LEDGER_SQLITE_BINDING: '/old/b.node' });
    expect(env).toEqual({ PATH: '/bin' });
  });

  it('loads the prebuilt Node-API binding shipped inside the package, the one Electron loads too', () => {
    const dir = path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
    const binding = createRequire(import.meta.url)(path.join(dir, 'lib', 'binding.js')) as { getPrebuildPath(): string | null };
    expect(binding.getPrebuildPath()).toBe(path.join(dir, 'prebuilds', `${process.platform}-${process.arch}.node`));
    // Nothing compiled for one runtime shadows it (binding.js would prefer build/Release).
    expect(fs.existsSync(path.join(dir, 'build', 'Release', 'better_sqlite3.node'))).toBe(false);
  });

  it('has no per-Electron step left in npm start', () => {
    const start = fs.readFileSync(path.join(projectRoot, 'build', 'start.mjs'), 'utf8');
    expect(start).not.toMatch(/prebuild-install|LEDGER_SQLITE_BINDING|electron-sqlite/);
  });
});

describe('staleness', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-stale-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const touch = (file: string, seconds: number) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file)) fs.writeFileSync(file, '');
    fs.utimesSync(file, seconds, seconds);
  };

  it('is stale when an output is missing or older than any input, and ignores node_modules', () => {
    const src = path.join(dir, 'src');
    const out = path.join(dir, 'out.js');
    touch(path.join(src, 'a.ts'), 1_000);
    touch(path.join(src, 'deep', 'b.ts'), 2_000);
    expect(isStale([out], [src])).toBe(true);
    touch(out, 3_000);
    expect(isStale([out], [src])).toBe(false);
    touch(path.join(src, 'node_modules', 'x.js'), 9_000);
    expect(isStale([out], [src])).toBe(false);
    touch(path.join(src, 'deep', 'b.ts'), 4_000);
    expect(isStale([out], [src])).toBe(true);
    expect(isStale([out], [path.join(dir, 'nothing-here')])).toBe(false);
  });

  it('watches the folders each build reads', () => {
    const plan = buildPlan('/proj');
    expect(plan.renderer.inputs).toContain(path.join('/proj', 'renderer'));
    expect(plan.electron.inputs).toEqual(expect.arrayContaining([path.join('/proj', 'electron'), path.join('/proj', 'db')]));
    expect(plan.electron.outputs.map((file) => path.basename(file))).toEqual(['main.cjs', 'preload.cjs', 'utility-host.cjs']);
  });
});

describe('npm start without an Electron binary', () => {
  it('prints one plain paragraph, Chinese first, and exits 1 without a stack trace', () => {
    const binary = findElectronBinary({ root: projectRoot });
    if (binary.found) return; // this machine has Electron: nothing to check here
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'build', 'start.mjs')], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(os.tmpdir(), 'no-electron-here') },
      timeout: 120_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(missingElectronMessage);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(missingElectronMessage.indexOf('无法')).toBe(0);
    expect(missingElectronMessage).toContain('npm run serve');
  });
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation, fuse and icon checks', () => {
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'build', 'check-builder-config.mjs')], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.stderr + result.stdout).toContain('检查通过');
    expect(result.status).toBe(0);
  });
});

describe('npm start on Linux where AppArmor refuses the sandbox', () => {
  const ubuntu2404 =
    '[132603:0822/194610.010414:FATAL:setuid_sandbox_host.cc(158)] The SUID sandbox helper binary was found, but is not configured correctly. ' +
    "Rather than run without sandboxing I'm aborting now. You need to make sure that /p/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755.";
  it('recognises the abort and prints the one-line fix for this checkout', () => {
    const dist = path.join('/p', 'node_modules', 'electron', 'dist');
    const hint = sandboxAbortHint(`some warning\n${ubuntu2404}\n`, dist)!;
    expect(hint).toMatch(/^Electron 因 Linux 的沙箱限制而退出/);
    const lines = hint.split('\n').filter((line) => line.includes('sudo'));
    const sandbox = path.join(dist, 'chrome-sandbox');
    expect(lines).toEqual([`  sudo chown root:root '${sandbox}' && sudo chmod 4755 '${sandbox}'`]);
    expect(sandboxAbortHint('[1:2:FATAL:zygote_host_impl_linux.cc(127)] No usable sandbox! Update your kernel', '/p')).not.toBeNull();
  });

  it('stays quiet for any other failure', () => {
    expect(sandboxAbortHint('Error: Cannot find module', '/p')).toBeNull();
    expect(sandboxAbortHint('', '/p')).toBeNull();
  });

  it('is wired into npm start', () => {
    const start = fs.readFileSync(path.join(projectRoot, 'build', 'start.mjs'), 'utf8');
    expect(start).toContain('sandboxAbortHint(early, path.dirname(electron))');
  });
});

