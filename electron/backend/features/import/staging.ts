import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerError } from '../../../../shared/errors';
import type { ImportStage } from '../../../../shared/domain';
import { readWorkbook, type ReadWorkbook } from '../../import/read';

interface Staged extends ImportStage {
  /** The file's bytes, in this Staging's own temporary folder. */
  file: string;
  usedAt: number;
  /** Parsed sheets, by name ('' for the default sheet); kept for the file read last only. */
  reads: Map<string, ReadWorkbook>;
  /** A parse begun when the file was staged (stageReading), by the same key, until a read takes it. */
  parsing: Map<string, Promise<ReadWorkbook>>;
  /** Stops that parse: its file is set aside for another, or dropped. */
  stopParsing: AbortController | null;
  /** What was worked out from those sheets (tables understood, rows planned), by the caller's key; kept with `reads`. */
  memo: Map<string, unknown>;
}

export interface StagingOptions {
  /** Folder under which the private staging folder is made (the system's temporary folder by default). */
  tmpRoot?: string;
  /** Files kept at once. */
  maxFiles?: number;
  /** Bytes kept at once, all files together: at least one file of the import's size limit. */
  maxTotalBytes?: number;
  /** A file not used for this long is forgotten. */
  maxIdleMs?: number;
  now?: () => number;
}

const prefix = 'minsheng-staging-';
const defaults = { maxFiles: 4, maxTotalBytes: 256 * 1024 * 1024, maxIdleMs: 2 * 60 * 60 * 1000 };

/**
 * Files up to this size begin their parse as they are staged (stageReading), on a copy: 20,000 rows of a county's
 * table are ≈ 9 MB, 100,000 rows ≈ 43 MB. A larger one is parsed when first read, so that a 100 MB upload is not
 * held three times over (the upload, the staged bytes, the copy).
 */
export const parsedAtStagingBytes = 64 * 1024 * 1024;

/** Staging folders of this process, removed at its exit however it ends normally. */
const liveDirs = new Set<string>();
let exitHook = false;
function removeAtExit(dir: string): void {
  liveDirs.add(dir);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const d of liveDirs) fs.rmSync(d, { recursive: true, force: true });
  });
}

/** Folders left by a process that died without cleaning up (its pid is in the name). */
function sweepOrphans(root: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^minsheng-staging-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A file's bytes in an ArrayBuffer of their own, so that they can be handed to the parsing worker uncopied. */
function readOwnBytes(file: string): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = new Uint8Array(fs.fstatSync(fd).size);
    let at = 0;
    while (at < bytes.byteLength) {
      const n = fs.readSync(fd, bytes, at, bytes.byteLength - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === bytes.byteLength ? bytes : bytes.slice(0, at);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Files handed to the importer, kept between the wizard's steps (preview, diff, commit) in a private temporary
 * folder rather than in memory: a few at most, of bounded total size, forgotten after a while unused, and
 * removed when dropped, committed, or at exit. Nothing is written to the ledger until the user confirms.
 */
export class Staging {
  private readonly files = new Map<string, Staged>();
  private readonly options: Required<Omit<StagingOptions, 'now' | 'tmpRoot'>> & { tmpRoot: string; now: () => number };
  private dir: string | null = null;

  constructor(options: StagingOptions = {}) {
    this.options = {
      maxFiles: options.maxFiles ?? defaults.maxFiles,
      maxTotalBytes: options.maxTotalBytes ?? defaults.maxTotalBytes,
      maxIdleMs: options.maxIdleMs ?? defaults.maxIdleMs,
      tmpRoot: options.tmpRoot ?? os.tmpdir(),
      now: options.now ?? Date.now,
    };
  }

  /** The private folder, made at the first file (mode 700: other users of the machine cannot read it). */
  private folder(): string {
    if (this.dir && fs.existsSync(this.dir)) return this.dir;
    sweepOrphans(this.options.tmpRoot);
    this.dir = fs.mkdtempSync(path.join(this.options.tmpRoot, `${prefix}${process.pid}-`));
    fs.chmodSync(this.dir, 0o700);
    removeAtExit(this.dir);
    return this.dir;
  }

  stage(fileName: string, bytes: Uint8Array): ImportStage {
    return this.keep(this.place(fileName, bytes), bytes);
  }

  /**
   * Stages the file and starts parsing the sheet to be read first (by default the first with a table), as
   * the wizard previews a file as soon as it is staged and `ledger import` commits it: the file is hashed and
   * written while the parsing thread reads it (on a copy). `whileParsing` as for `read`. A file over
   * `parsedAtStagingBytes` is only staged.
   */
  async stageReading(fileName: string, bytes: Uint8Array, first: { sheet?: string; whileParsing?: () => void } = {}): Promise<ImportStage> {
    // A larger file is parsed when it is first read, as before: a copy of 100 MB would add as much to the peak.
    if (bytes.byteLength > parsedAtStagingBytes) return this.stage(fileName, bytes);
    const placed = this.place(fileName, bytes);
    this.forgetOtherReads(null);
    const stop = new AbortController();
    // A copy of its own to hand over (a Buffer's slice would share the caller's memory): the bytes are still to be hashed and written.
    const parsing = readWorkbook(new Uint8Array(bytes), { fileName, handOver: true, signal: stop.signal, ...(first.sheet ? { sheet: first.sheet } : {}) });
    // A refusal is thrown to the read that takes this parse, not reported as unhandled.
    parsing.catch(() => {});
    if (first.whileParsing) {
      await new Promise((resolve) => setImmediate(resolve));
      first.whileParsing();
    }
    const stage = this.keep(placed, bytes);
    const staged = this.files.get(stage.stagingId)!;
    staged.parsing.set(first.sheet ?? '', parsing);
    staged.stopParsing = stop;
    return stage;
  }

  /** Checks the file against the limits and makes room for it: its id and the path it is to be written to. */
  private place(fileName: string, bytes: Uint8Array): { fileName: string; stagingId: string; file: string } {
    this.expire();
    const { maxFiles, maxTotalBytes } = this.options;
    if (bytes.byteLength > maxTotalBytes) {
      throw new LedgerError('IMPORT_TOO_LARGE', `“${fileName}”过大，无法暂存待导入（上限 ${Math.round(maxTotalBytes / 1024 / 1024)} MB）。`);
    }
    // Oldest first, until the new file fits.
    for (const old of [...this.files.values()].sort((a, b) => a.usedAt - b.usedAt)) {
      if (this.files.size < maxFiles && this.totalBytes() + bytes.byteLength <= maxTotalBytes) break;
      this.drop(old.stagingId);
    }
    const stagingId = randomUUID();
    return { fileName, stagingId, file: path.join(this.folder(), stagingId) };
  }

  /** Writes the placed file and keeps it. */
  private keep({ fileName, stagingId, file }: { fileName: string; stagingId: string; file: string }, bytes: Uint8Array): ImportStage {
    fs.writeFileSync(file, bytes, { flag: 'wx', mode: 0o600 });
    const stage: Staged = {
      stagingId,
      fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.byteLength,
      file,
      usedAt: this.options.now(),
      reads: new Map(),
      parsing: new Map(),
      stopParsing: null,
      memo: new Map(),
    };
    this.files.set(stagingId, stage);
    return { stagingId, fileName: stage.fileName, sha256: stage.sha256, size: stage.size };
  }

  get(stagingId: string): Staged {
    this.expire();
    const staged = this.files.get(stagingId);
    if (!staged) throw new LedgerError('NOT_FOUND', '待导入的文件已过期，请重新选择文件。');
    staged.usedAt = this.options.now();
    return staged;
  }

  /**
   * The sheet, parsed once. `whileParsing` is run on this thread once the parsing thread has the file and
   * before its grid is awaited: work that would otherwise wait for it (reading the ledger ahead).
   */
  async read(stagingId: string, sheet: string | undefined, whileParsing?: () => void): Promise<ReadWorkbook> {
    const staged = this.get(stagingId);
    const key = sheet ?? '';
    const cached = staged.reads.get(key);
    if (cached) return cached;
    this.forgetOtherReads(staged);
    const begun = staged.parsing.get(key);
    staged.parsing.delete(key);
    const parsing = begun ?? readWorkbook(readOwnBytes(staged.file), { fileName: staged.fileName, handOver: true, ...(sheet ? { sheet } : {}) });
    // A parse begun at staging ran `whileParsing` then.
    if (whileParsing && !begun) {
      // A refusal while the work runs is thrown below, where the parse is awaited, not reported as unhandled.
      parsing.catch(() => {});
      // The file goes to the parsing thread once its format is checked, in this turn's promise callbacks: the
      // work runs in the next turn, while the thread parses.
      await new Promise((resolve) => setImmediate(resolve));
      whileParsing();
    }
    const read = await parsing;
    staged.reads.set(key, read);
    return read;
  }

  /**
   * Ends a parse begun at staging that no read has taken: a file set aside must not keep a thread busy, nor its
   * bytes in memory, while the next one is read (ten files staged in a row would otherwise parse at once).
   */
  private stopParsing(staged: Staged): void {
    if (staged.parsing.size > 0) staged.stopParsing?.abort();
    staged.parsing.clear();
    staged.stopParsing = null;
  }

  /** Parsed grids are kept for one file only: the wizard works on one file at a time. */
  private forgetOtherReads(staged: Staged | null): void {
    for (const other of this.files.values()) {
      if (other === staged) continue;
      other.reads.clear();
      this.stopParsing(other);
      other.memo.clear();
    }
  }

  /** What was worked out from this file (tables understood, rows planned), kept as long as its parse is. */
  memo(stagingId: string): Map<string, unknown> {
    return this.get(stagingId).memo;
  }

  drop(stagingId: string): void {
    const staged = this.files.get(stagingId);
    if (!staged) return;
    this.stopParsing(staged);
    this.files.delete(stagingId);
    fs.rmSync(staged.file, { force: true });
  }

  /** Forgets every staged file: after a restore, what they were compared against is gone. */
  clear(): void {
    for (const id of [...this.files.keys()]) this.drop(id);
  }

  /** Removes every staged file and the folder (the backend is closing). */
  close(): void {
    for (const staged of this.files.values()) this.stopParsing(staged);
    this.files.clear();
    if (!this.dir) return;
    fs.rmSync(this.dir, { recursive: true, force: true });
    liveDirs.delete(this.dir);
    this.dir = null;
  }

  /** Bytes staged now, all files together. */
  totalBytes(): number {
    let total = 0;
    for (const staged of this.files.values()) total += staged.size;
    return total;
  }

  private expire(): void {
    const oldest = this.options.now() - this.options.maxIdleMs;
    for (const staged of [...this.files.values()]) if (staged.usedAt < oldest) this.drop(staged.stagingId);
  }
}
