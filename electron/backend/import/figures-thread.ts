/**
 * A thread that reads the figures of a staged table's words (issue #10), so that a large import's reading runs
 * beside its planning instead of before it (issue #13). Its code is ours and pure (figures-thread-main.ts): it
 * is kept between imports, unlike the parse worker, which a hostile file may take down. Started ahead of need
 * by the backends that import (backend.ts `prestartFigures`), else at the first table large enough; an idle
 * thread does not keep the process alive. Whatever goes wrong with it, the caller reads on its own thread.
 */
import { Worker } from 'node:worker_threads';
import type { FigureWords } from '../../../shared/import/figures';
import type { RowFigures } from '../../../shared/text/figures/types';
import type { FiguresJob, FiguresReply } from './figures-thread-main';
import { figuresThreadSource } from './figures-thread-source';

interface Pending {
  resolve: (figures: (RowFigures | null)[]) => void;
  reject: (error: Error) => void;
}

interface FiguresThread {
  worker: Worker;
  pending: Map<number, Pending>;
  /** It has failed or been stopped: no job is sent to it. */
  ended: boolean;
}

let thread: Promise<FiguresThread> | null = null;
/** The thread `thread` resolved to, once it has; a thread gone wrong forgets itself only if it is still this one. */
let running: FiguresThread | null = null;
let nextJob = 1;
let jobsRead = 0;

/**
 * Starts the thread if none is running; it is ready once its code is compiled. `warmUp`: started ahead of need,
 * it first reads some rows of its own (figures-thread-warmup.ts), so its code is optimised before a table comes.
 */
export function startFiguresThread(warmUp = false): Promise<FiguresThread> {
  if (!thread) {
    const started: Promise<FiguresThread> = open(warmUp).then((mine) => {
      // Unless it was stopped while it started (stopFiguresThread then ends it).
      if (thread === started) running = mine;
      return mine;
    });
    thread = started;
    // A thread that could not start is forgotten: the next import tries again, reading on its own thread meanwhile.
    started.catch(() => {
      if (thread === started) thread = null;
    });
  }
  return thread;
}

async function open(warmUp: boolean): Promise<FiguresThread> {
  const code = await figuresThreadSource();
  const worker = new Worker(code, {
    eval: true,
    workerData: { warmUp },
    // Loaders of the parent (tsx, Vitest) are of no use to the bundled script and slow its start.
    execArgv: [],
    // A table's words are a fraction of the table; this bounds a reading gone wrong, not a normal one.
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  worker.unref();
  const mine: FiguresThread = { worker, pending: new Map(), ended: false };
  worker.on('message', (reply: FiguresReply) => {
    const job = mine.pending.get(reply.id);
    if (!job) return;
    mine.pending.delete(reply.id);
    if (mine.pending.size === 0) worker.unref();
    if ('error' in reply) job.reject(new Error(`读取数字的线程出错：${reply.error}`));
    else {
      jobsRead++;
      job.resolve(reply.figures);
    }
  });
  const fail = (error: Error) => forget(mine, error);
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`读取数字的线程已退出（代码 ${code}）`)));
  return mine;
}

/** Ends a thread gone wrong: its jobs fail (their callers read on their own thread), and the next job starts a new one. */
function forget(mine: FiguresThread, error: Error): void {
  mine.ended = true;
  if (running === mine) {
    running = null;
    thread = null;
  }
  for (const job of mine.pending.values()) job.reject(error);
  mine.pending.clear();
}

/** `figures[i]` for `words[i]` (null where the words are null), read on the figures thread. */
export async function readFiguresInThread(words: readonly (FigureWords | null)[], year: number): Promise<(RowFigures | null)[]> {
  const mine = await startFiguresThread();
  if (mine.ended) throw new Error('读取数字的线程已停止');
  return new Promise((resolve, reject) => {
    const id = nextJob++;
    mine.pending.set(id, { resolve, reject });
    // Held open while it reads: the command line's process must not end with a reading under way.
    mine.worker.ref();
    try {
      mine.worker.postMessage({ id, year, words } satisfies FiguresJob);
    } catch (error) {
      mine.pending.delete(id);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Ends the thread, if one runs: the backend that started it is closing. A job under way is read by its caller. */
export function stopFiguresThread(): void {
  const current = thread;
  thread = null;
  running = null;
  void current?.then(
    (mine) => {
      forget(mine, new Error('读取数字的线程已停止'));
      void mine.worker.terminate();
    },
    () => {},
  );
}

/** How many tables the thread has read in this process: for tests of when it is used. */
export function figuresReadInThread(): number {
  return jobsRead;
}
