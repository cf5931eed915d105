import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import { latestSchemaVersion } from '../../../db/migrations';
import { tempDir } from '../../helpers/temp';

const repo = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(repo, 'node_modules', '.bin', 'tsx');
const cliEntry = path.join(repo, 'electron', 'cli', 'main.ts');

/** The CLI in this process: fast, for behaviour. */
function cli(...argv: string[]) {
  return runCaptured(argv, { ...process.env, LEDGER_DATA_DIR: tempDir() });
}

describe('ledger CLI', () => {
  it('init creates a WAL database at the current schema version (as a real process)', () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const run = spawnSync(tsx, [cliEntry, 'init', '--db', db], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('台账数据库已就绪');
    const raw = new Sqlite(db, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    raw.close();
  });

  it('fails with exit code 2 and a JSON error in plain Chinese, without a stack trace (as a real process)', () => {
    const notLedger = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(notLedger, '会议纪要'.repeat(100));
    const run = spawnSync(tsx, [cliEntry, 'plans', 'list', '--db', notLedger, '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    const { error } = JSON.parse(run.stdout);
    expect(error.code).toBe('DB_NOT_LEDGER');
    expect(error.message).toMatch(/不是台账数据库/);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('shows the stack only with --debug', async () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const plain = await cli('projects', 'list', '--plan', '7', '--db', db);
    expect(plain.code).toBe(2);
    expect(plain.err).toBe('错误：找不到编号为 7 的计划。\n');
    const debug = await cli('projects', 'list', '--plan', '7', '--db', db, '--debug');
    expect(debug.err).toMatch(/LedgerError/);
  });

  it('creates a plan, adds projects with their lead units and lists them', async () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const plan = await cli('plans', 'create', '--db', db, '--year', '2021', '--level', '区', '--name', '2021年区重点民生实事', '--json');
    expect(plan.code).toBe(0);
    const { id } = JSON.parse(plan.out);
    const added = await cli('projects', 'add', '--db', db, '--plan', String(id), '--title', '农村公路提档升级', '--lead-unit', '区交通运输局、区财政局', '--leader', '王 晓');
    expect(added.code).toBe(0);
    const list = await cli('projects', 'list', '--db', db, '--plan', String(id), '--json');
    expect(JSON.parse(list.out)).toMatchObject([{ seq: 1, title: '农村公路提档升级', leadUnits: ['区交通运输局', '区财政局'], leaders: ['王晓'] }]);
    expect((await cli('plans', 'list', '--db', db)).out).toContain('2021年区重点民生实事');
  });

  it('reaches every contract method through call, with the same validation', async () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const info = await cli('call', 'app.info', '--db', db);
    expect(JSON.parse(info.out)).toMatchObject({ schemaVersion: latestSchemaVersion, journalMode: 'wal' });
    const bad = await cli('call', 'plans.create', '--db', db, '--input', '{"year":"二〇二二"}', '--json');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).error.code).toBe('INVALID_INPUT');
  });

  it('explains unknown commands, unknown options and missing options in Chinese', async () => {
    expect((await cli('frobnicate')).err).toMatch(/没有“frobnicate”这个命令/);
    expect((await cli('plans', 'list', '--colour')).err).toMatch(/无法识别.*--colour/);
    const missing = await cli('plans', 'create', '--db', path.join(tempDir(), 'x.sqlite'), '--year', '2022', '--level', '县', '--json');
    expect(JSON.parse(missing.out).error.message).toMatch(/缺少选项 --name/);
  });

  it('prints help', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/用法：npm run ledger/);
  });

  it('serve prints the tokened URL as its first line and serves the API (as a real process)', async () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    const child = spawn(tsx, [cliEntry, 'serve', '--db', db], { env: { ...process.env, LEDGER_RENDERER_DIR: staticDir } });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        let buffer = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
          buffer += chunk;
          if (buffer.includes('\n')) resolve(buffer.split('\n')[0]!);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
      const url = new URL(firstLine);
      const reply = await fetch(new URL('/api/app.info', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': url.searchParams.get('token')! },
        body: '{}',
      });
      expect(((await reply.json()) as { result: { dbPath: string } }).result.dbPath).toBe(db);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('serve refuses to start without a built renderer and says to run npm run serve', async () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const empty = tempDir();
    const result = await runCaptured(['serve', '--db', db], { ...process.env, LEDGER_RENDERER_DIR: empty });
    expect(result.code).toBe(2);
    expect(result.out).toBe(''); // no URL, no "台账已在本机启动"
    expect(result.err).toMatch(/^错误：界面尚未构建/);
    expect(result.err).toContain('npm run serve');
    expect(result.err).toContain(path.join(empty, 'index.html'));
    expect(fs.existsSync(db)).toBe(false); // refused before anything was opened
    const json = await runCaptured(['serve', '--db', db, '--json'], { ...process.env, LEDGER_RENDERER_DIR: empty });
    expect(JSON.parse(json.out)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('adds the command-line option to a request the app words for its own controls', async () => {
    const dir = tempDir();
    const table = path.join(dir, 'untitled.csv');
    fs.writeFileSync(table, '序号,实事名称,责任单位,进展情况\n1,改造农村户厕,镇农办,已完成\n');
    const run = await cli('import', table, '--db', path.join(dir, 'x.sqlite'));
    expect(run.code).toBe(2);
    expect(run.err).toContain('请选择要导入到哪个年度计划（命令行用 --plan 计划编号）。');
  });

  it('makes, lists and restores backups', async () => {
    const db = path.join(tempDir(), 'x.sqlite');
    expect((await cli('plans', 'create', '--db', db, '--year', '2022', '--level', '县', '--name', '甲计划')).code).toBe(0);
    const made = JSON.parse((await cli('backups', 'create', '--db', db, '--json')).out);
    expect(made).toMatchObject({ kind: 'manual' });
    expect((await cli('plans', 'create', '--db', db, '--year', '2023', '--level', '县', '--name', '乙计划')).code).toBe(0);

    const listed = await cli('backups', 'list', '--db', db);
    expect(listed.out).toContain(path.join(path.dirname(db), 'backups'));
    expect(listed.out).toContain(path.basename(made.file));
    // Times and reasons in words, never as stored (2026-12-02T00:57:16.059Z, manual).
    expect(listed.out).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} {2}手动 {2}/);
    expect(listed.out).not.toMatch(/T\d{2}:\d{2}:\d{2}/);
    const restored = await cli('backups', 'restore', path.basename(made.file), '--db', db);
    expect(restored).toMatchObject({ code: 0, out: expect.stringMatching(/^已恢复；恢复前的台账另存为 .*x-restore-.*\.sqlite\n$/) });
    expect(JSON.parse((await cli('plans', 'list', '--db', db, '--json')).out).map((p: { name: string }) => p.name)).toEqual(['甲计划']);
  });
});
