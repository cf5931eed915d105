/**
 * The figures thread's code (figures-thread.ts starts it): reads the words of a staged table's rows while
 * the backend's thread plans the same rows against the ledger. Bundled into one CommonJS string
 * (figures-thread-source.ts); it reaches nothing but the shared reading code.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { figuresOfWords, type FigureWords } from '../../../shared/import/figures';
import type { RowFigures } from '../../../shared/text/figures/types';
import { warmUpWords } from './figures-thread-warmup';

export interface FiguresJob {
  id: number;
  year: number;
  /** Each row's words; null for a row with none to read. */
  words: readonly (FigureWords | null)[];
}

/** `figures[i]` for `words[i]`, null where the words were null; or why the reading failed. */
export type FiguresReply = { id: number; figures: (RowFigures | null)[] } | { id: number; error: string };

/** Enough rows for the reading's functions to be optimised (V8 optimises a function after some thousands of calls). */
const warmUpRows = 1500;

function read(job: FiguresJob): FiguresReply {
  try {
    // Rows whose words give the same figures share one reading: structured cloning keeps them shared.
    return { id: job.id, figures: figuresOfWords(job.words, job.year) };
  } catch (error) {
    return { id: job.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

parentPort?.on('message', (job: FiguresJob) => parentPort?.postMessage(read(job)));
// Started ahead of need: after the first turn of the event loop, so the thread is counted as started; a job sent
// meanwhile waits for it.
if ((workerData as { warmUp?: boolean } | null)?.warmUp) setImmediate(() => read({ id: 0, year: 2022, words: warmUpWords(warmUpRows) }));
