/**
 * Staged uploads (#15 point 6): a file staged through the bridge is kept in a temporary file, not in the
 * server's memory; the staged total is capped, idle files expire, and the folder is gone at exit. The server
 * runs in a process of its own so that its memory is measured alone.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { Staging } from '../../../electron/backend/features/import/staging';
import { tempDir } from '../../helpers/temp';

interface Server {
  port: number;
  token: string;
  tmp: string;
  next(): Promise<string>;
  send(line: string): void;
  child: ChildProcessWithoutNullStreams;
}

async function startServer(): Promise<Server> {
  const tmp = tempDir();
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.resolve(import.meta.dirname, '../../helpers/bridge-child.ts')], { env: { ...process.env, TMPDIR: tmp } });
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  const { port, token } = JSON.parse(await next()) as { port: number; token: string };
  return { port, token, tmp, next, send: (line) => child.stdin.write(`${line}\n`), child };
}

function stage(server: Server, bytes: Buffer, fileName: string): Promise<{ status: number; body: string }> {
  return call(server, 'import.stage', { fileName, contentBase64: bytes.toString('base64') });
}

function call(server: Server, method: string, input: unknown): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: `/api/${method}`, method: 'POST', headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', 'x-ledger-token': server.token, 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function memory(server: Server): Promise<{ liveMb: number; rssMb: number; peakMb: number }> {
  server.send('mem');
  return JSON.parse(await server.next()) as { liveMb: number; rssMb: number; peakMb: number };
}

const stagingDirs = (tmp: string) => fs.readdirSync(tmp).filter((n) => n.startsWith('minsheng-staging-'));
const stagedBytes = (tmp: string) => stagingDirs(tmp).flatMap((d) => fs.readdirSync(path.join(tmp, d)).map((f) => fs.statSync(path.join(tmp, d, f)).size)).reduce((a, b) => a + b, 0);

describe('staged uploads', () => {
  it('ten 20 MB uploads: kept on disk within the cap, not in the server’s memory; gone at exit', async () => {
    const server = await startServer();
    try {
      const before = await memory(server);
      const file = Buffer.alloc(20 * 1024 * 1024, 'a');
      let last = '';
      for (let i = 0; i < 10; i++) {
        const reply = await stage(server, file, `第${i}份.csv`);
        expect(reply.status).toBe(200);
        last = (JSON.parse(reply.body) as { result: { stagingId: string } }).result.stagingId;
      }
      // The wizard previews the file it staged last (a line of one letter is no table): the parse that began as
      // it was staged is then over. Its grid is kept for the wizard's next steps until another file is read.
      expect(JSON.parse((await call(server, 'import.preview', { stagingId: last })).body)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^IMPORT_/) } });
      const small = JSON.parse((await stage(server, Buffer.from('编号,工作任务,责任单位\n1,新建公园,县城管局\n'), '小表.csv')).body) as { result: { stagingId: string } };
      expect(JSON.parse((await call(server, 'import.preview', { stagingId: small.result.stagingId })).body)).toMatchObject({ ok: true });
      const after = await memory(server);
      console.log(`ten 20 MB uploads: live ${before.liveMb} → ${after.liveMb} MB (rss ${before.rssMb} → ${after.rssMb} MB), peak ${after.peakMb} MB; ${stagedBytes(server.tmp) / 1024 / 1024} MB staged on disk`);
      // What the server's JavaScript still holds, not its rss: whether freed pages go back to the system is the
      // allocator's affair and made this flaky under load. Keeping even the last upload's bytes measured +16 MB net and fails; keeping none measures −4 MB.
      expect(after.liveMb - before.liveMb).toBeLessThan(10);
      expect(stagedBytes(server.tmp)).toBeLessThanOrEqual(4 * 20 * 1024 * 1024);
      server.send('quit');
      await new Promise((resolve) => server.child.once('exit', resolve));
      expect(stagingDirs(server.tmp)).toEqual([]);
    } finally {
      server.child.kill();
    }
  }, 120_000);

  it('one 100 MB upload peaks under 600 MB in the server', async () => {
    const server = await startServer();
    try {
      const reply = await stage(server, Buffer.alloc(100 * 1024 * 1024 - 1024, 'a'), '大文件.csv');
      expect(reply.status).toBe(200);
      const after = await memory(server);
      console.log(`one 100 MB upload: peak ${after.peakMb} MB, ${after.rssMb} MB held`);
      expect(after.peakMb).toBeLessThan(600);
    } finally {
      server.child.kill();
    }
  }, 120_000);

  it('forgets files idle too long and removes their bytes', () => {
    let now = 0;
    const staging = new Staging({ tmpRoot: tempDir(), maxIdleMs: 1000, now: () => now });
    const old = staging.stage('旧.csv', Buffer.from('编号,任务\n1,甲'));
    now = 500;
    const fresh = staging.stage('新.csv', Buffer.from('编号,任务\n2,乙'));
    now = 1200;
    expect(() => staging.get(old.stagingId)).toThrow(/已过期/);
    expect(staging.get(fresh.stagingId).fileName).toBe('新.csv');
    expect(staging.totalBytes()).toBe(Buffer.byteLength('编号,任务\n2,乙'));
    staging.close();
  });

  it('keeps the staged total under its cap, dropping the oldest', () => {
    const staging = new Staging({ tmpRoot: tempDir(), maxTotalBytes: 25 });
    const a = staging.stage('a.csv', Buffer.alloc(10, 'a'));
    staging.stage('b.csv', Buffer.alloc(10, 'b'));
    staging.stage('c.csv', Buffer.alloc(10, 'c'));
    expect(staging.totalBytes()).toBe(20);
    expect(() => staging.get(a.stagingId)).toThrow(/已过期/);
    expect(() => staging.stage('d.csv', Buffer.alloc(30, 'd'))).toThrow(/过大/);
    staging.close();
  });
});
