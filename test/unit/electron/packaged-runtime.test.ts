// What a packaged app does differently from `npm start`, decided in plain Node modules (no Electron here).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackedPath } from '../../../electron/backend/asar-path';
import { sheetJsPath } from '../../../electron/backend/import/worker';
import { defaultDataDir, defaultDbPath } from '../../../electron/backend/paths';
import { gaveUpDetail, isPageLoadFailure, pageLoadFailed, preloadFailed } from '../../../electron/main/failure-messages';
import { RotatingLog } from '../../../electron/main/log-file';
import { relaunchOptions } from '../../../electron/main/relaunch';

let tmp = '';
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-packaged-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the import worker inside app.asar', () => {
  it('maps a path inside app.asar to its app.asar.unpacked twin, and leaves other paths alone', () => {
    expect(unpackedPath('/opt/民生实事台账/resources/app.asar/dist/electron/sheetjs/xlsx.js')).toBe(
      '/opt/民生实事台账/resources/app.asar.unpacked/dist/electron/sheetjs/xlsx.js',
    );
    expect(unpackedPath('C:\\Program Files\\台账\\resources\\app.asar\\dist\\electron\\sheetjs\\xlsx.js')).toBe(
      'C:\\Program Files\\台账\\resources\\app.asar.unpacked\\dist\\electron\\sheetjs\\xlsx.js',
    );
    expect(unpackedPath('/r/app.asar.unpacked/dist/x.js')).toBe('/r/app.asar.unpacked/dist/x.js');
    expect(unpackedPath('/r/myapp.asar/dist/x.js')).toBe('/r/myapp.asar/dist/x.js');
    expect(unpackedPath('/home/u/ledger/dist/electron/sheetjs/xlsx.js')).toBe('/home/u/ledger/dist/electron/sheetjs/xlsx.js');
  });

  it('hands the worker the unpacked SheetJS of a packaged layout', () => {
    // What electron-builder makes of asarUnpack 'dist/electron/sheetjs/**': the archive holds the bundle, the real
    // file sits beside it. Plain Node cannot read inside app.asar, so only the unpacked file exists here.
    const resources = path.join(tmp, 'resources');
    const unpacked = path.join(resources, 'app.asar.unpacked', 'dist', 'electron', 'sheetjs', 'xlsx.js');
    fs.mkdirSync(path.dirname(unpacked), { recursive: true });
    fs.writeFileSync(unpacked, '');
    const bundle = pathToFileURL(path.join(resources, 'app.asar', 'dist', 'electron', 'utility-host.cjs')).href;
    expect(sheetJsPath(bundle)).toBe(unpacked);
  });

  it('falls back to the installed package from a checkout', () => {
    expect(sheetJsPath()).toMatch(/node_modules[\\/]xlsx[\\/]/);
  });
});

describe('the log file', () => {
  it('writes timestamped lines to main.log under the logs folder', () => {
    const dir = path.join(tmp, 'logs-a');
    const log = new RotatingLog({ dir, now: () => new Date('2026-07-01T08:00:00Z') });
    log.write('[ledger-main] 后台进程退出（代码 1）\nsecond line');
    expect(log.file).toBe(path.join(dir, 'main.log'));
    expect(fs.readFileSync(log.file, 'utf8')).toBe(
      '2026-07-01T08:00:00.000Z [ledger-main] 后台进程退出（代码 1）\n2026-07-01T08:00:00.000Z second line\n',
    );
  });

  it('rotates by size and keeps a bounded number of old files', () => {
    const dir = path.join(tmp, 'logs-b');
    const log = new RotatingLog({ dir, maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i += 1) log.write(`line ${i} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const file of files) expect(fs.statSync(path.join(dir, file)).size).toBeLessThanOrEqual(200);
    expect(fs.readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('line 39');
    // A fresh log object on the same folder continues the size count instead of growing main.log past the limit.
    new RotatingLog({ dir, maxBytes: 200, keep: 2 }).write('y'.repeat(150));
    expect(fs.statSync(path.join(dir, 'main.log')).size).toBeLessThanOrEqual(200);
  });

  it('never throws when the folder cannot be written', () => {
    const blocker = path.join(tmp, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const log = new RotatingLog({ dir: path.join(blocker, 'logs') });
    expect(() => log.write('x')).not.toThrow();
  });

  it('is named in the give-up message that asks for it', () => {
    const detail = gaveUpDetail('C:\\Users\\李敏\\AppData\\Roaming\\minsheng-ledger\\logs\\main.log');
    expect(detail).toContain('请把日志交给技术支持');
    expect(detail).toContain('C:\\Users\\李敏\\AppData\\Roaming\\minsheng-ledger\\logs\\main.log');
  });
});

describe('relaunching after the backend gave up', () => {
  it('restarts the portable launcher, not the temporary copy it unpacked', () => {
    const argv = ['C:\\Users\\u\\AppData\\Local\\Temp\\2x\\minsheng-ledger.exe', '--flag'];
    expect(relaunchOptions({ PORTABLE_EXECUTABLE_FILE: 'D:\\台账\\minsheng-ledger-portable.exe' }, argv)).toEqual({
      execPath: 'D:\\台账\\minsheng-ledger-portable.exe',
      args: ['--flag'],
    });
  });

  it('restarts the AppImage file, not the binary in its mount point', () => {
    expect(relaunchOptions({ APPIMAGE: '/home/u/台账.AppImage' }, ['/tmp/.mount_x/minsheng-ledger'])).toEqual({
      execPath: '/home/u/台账.AppImage',
      args: [],
    });
  });

  it("leaves installed builds to Electron's own relaunch", () => {
    expect(relaunchOptions({}, ['/opt/民生实事台账/minsheng-ledger'])).toEqual({});
  });
});

describe('a window that cannot come up', () => {
  it('reports a failed load of the page itself, not aborted loads or subframes', () => {
    expect(isPageLoadFailure(-6, true)).toBe(true); // net::ERR_FILE_NOT_FOUND
    expect(isPageLoadFailure(-3, true)).toBe(false); // net::ERR_ABORTED: replaced by another load
    expect(isPageLoadFailure(-6, false)).toBe(false);
  });

  it('says so in Chinese and names the log file', () => {
    const load = pageLoadFailed({ errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND', url: 'app://ledger/index.html' }, '/l/main.log');
    expect(load.message).toBe('程序界面无法加载');
    expect(load.detail).toContain('ERR_FILE_NOT_FOUND');
    expect(load.detail).toContain('/l/main.log');
    const preload = preloadFailed(new Error('Cannot find module'), '/l/main.log');
    expect(preload.message).toBe('程序组件加载失败');
    expect(preload.detail).toMatch(/预加载脚本.*Cannot find module.*\/l\/main\.log/);
  });
});

describe('the data folder', () => {
  it('resolves a relative LEDGER_DATA_DIR (Electron’s app.setPath throws on relative paths)', () => {
    const dir = defaultDataDir({ LEDGER_DATA_DIR: 'data/ledger' }, 'linux');
    expect(path.isAbsolute(dir)).toBe(true);
    expect(dir).toBe(path.resolve('data/ledger'));
    expect(defaultDbPath({ LEDGER_DATA_DIR: './d' }, 'linux')).toBe(path.join(path.resolve('d'), 'ledger.sqlite'));
  });
});
