import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');
export const tsx = path.join(repo, 'node_modules', '.bin', 'tsx');
export const cliEntry = path.join(repo, 'electron', 'cli', 'main.ts');
/** The project's Node 22; tsx as a loader inside it, so the process spawned is the one doing the work (a signal reaches it). */
const node = path.join(repo, 'node_modules', '.bin', 'node');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** The `ledger` CLI as a real process of its own; `exited` resolves when it ends. */
export function spawnCli(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(node, ['--import', 'tsx', cliEntry, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
  return { child, exited };
}

/** A CSV progress table of `rows` projects, each with a target and a progress sentence. */
export function writeLargeTable(file: string, rows: number): string {
  const lines = ['编号,工作任务,责任单位,责任人,分管领导,工作进度'];
  for (let i = 1; i <= rows; i++) lines.push(`${i},实施第${i}号道路改造，全年新建道路${i}公里,县第${i % 40}局,张三,李四,已完成${Math.floor(i / 2)}公里`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}
