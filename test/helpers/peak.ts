import { spawn } from 'node:child_process';
import path from 'node:path';

export interface Peak {
  /** Time of the read itself, process start-up excluded. */
  ms: number;
  /** The child process's peak resident memory (maxRSS), worker threads included. */
  peakMb: number;
  /** `read:<sheet>:<rows>`, `preview:<sheet>:<rows>`, or `<ERROR_CODE>:<message>`. */
  outcome: string;
}

const child = path.join(import.meta.dirname, 'peak-child.ts');

/**
 * Reads `file` in a fresh process (see peak-child.ts), so that its peak memory is the read's alone and not
 * whatever earlier tests left in this one. Killed past `killAfterMs`: a hang fails the test instead of stalling it.
 */
export function readInChild(mode: 'read' | 'preview', file: string, fileName: string, killAfterMs = 30_000): Promise<Peak> {
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, ['--import', 'tsx', child, mode, file, fileName, String(killAfterMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    run.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    run.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    const timer = setTimeout(() => run.kill('SIGKILL'), killAfterMs);
    run.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`reading ${fileName} in a child failed (${signal ?? code}):\n${err.slice(-2000)}`));
      else resolve(JSON.parse(line) as Peak);
    });
  });
}
