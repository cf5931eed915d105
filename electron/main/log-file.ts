/**
 * The app's log file. A packaged Windows app has no console, so stderr alone is lost exactly when a user is asked
 * to "send the logs": main and the backend (whose output main pipes here) write to one file under
 * app.getPath('logs'), rotated by size so it never grows without bound. Plain Node: tested without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';

export const logFileName = 'main.log';

export interface RotatingLogOptions {
  dir: string;
  name?: string;
  /** Rotate when the file would grow past this many bytes. */
  maxBytes?: number;
  /** How many old files (main.1.log … main.N.log) are kept. */
  keep?: number;
  now?: () => Date;
}

export class RotatingLog {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly now: () => Date;
  private size: number;
  private broken = false;

  constructor(private readonly options: RotatingLogOptions) {
    this.file = path.join(options.dir, options.name ?? logFileName);
    this.maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
    this.keep = Math.max(1, options.keep ?? 3);
    this.now = options.now ?? (() => new Date());
    this.size = sizeOf(this.file);
  }

  /** The name of the n-th rotated file: main.1.log, main.2.log, … */
  rotated(n: number): string {
    const { name, ext } = path.parse(this.file);
    return path.join(this.options.dir, `${name}.${n}${ext}`);
  }

  /** Appends one timestamped line per line of text. Never throws: logging must not take the app down. */
  write(text: string): void {
    if (this.broken) return;
    const stamp = this.now().toISOString();
    const lines = text.replace(/\s+$/, '').split(/\r?\n/).map((line) => `${stamp} ${line}\n`).join('');
    const bytes = Buffer.byteLength(lines);
    try {
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      fs.mkdirSync(this.options.dir, { recursive: true });
      fs.appendFileSync(this.file, lines);
      this.size += bytes;
    } catch {
      this.broken = true;
    }
  }

  private rotate(): void {
    fs.rmSync(this.rotated(this.keep), { force: true });
    for (let n = this.keep - 1; n >= 1; n -= 1) {
      if (fs.existsSync(this.rotated(n))) fs.renameSync(this.rotated(n), this.rotated(n + 1));
    }
    fs.renameSync(this.file, this.rotated(1));
    this.size = 0;
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
