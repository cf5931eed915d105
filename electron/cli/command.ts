/** What every command of `ledger` shares: its input and output, the global options, and the backend it opens. */
import type { MethodName, Output } from '../../shared/api/contract';
import type { Backend, BackendOptions } from '../backend/backend';
import { defaultDbPath } from '../backend/paths';
import { helpText } from './help';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the user asks a long-running command (serve) to stop. */
  untilStopped(): Promise<void>;
}

export const globalOptions = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  version: { type: 'boolean', default: false },
} as const;

export type Globals = { db?: string; json: boolean; debug: boolean };

export type Command = (args: string[], io: CliIo) => Promise<number>;

/**
 * The backend (SQLite, every feature) loads when a command needs it, not at start-up: `ledger --help` stays a
 * few hundred milliseconds.
 */
export const openBackend = async (options: BackendOptions): Promise<Backend> => (await import('../backend/backend')).openBackend(options);
export const openBackendOrRecovery = async (options: BackendOptions): Promise<Backend> => (await import('../backend/recovery')).openBackendOrRecovery(options);

export async function withBackend<T>(globals: Globals, io: CliIo, work: (backend: Backend) => Promise<T>, open = openBackend): Promise<T> {
  const backend = await open({ dbPath: globals.db ?? defaultDbPath(io.env) });
  try {
    return await work(backend);
  } finally {
    backend.close();
  }
}

export function call<M extends MethodName>(backend: Backend, method: M, input: unknown): Promise<Output<M>> {
  return backend.call(method, input) as Promise<Output<M>>;
}

export function print(io: CliIo, globals: Globals, value: unknown, human: () => string): number {
  io.out(globals.json ? JSON.stringify(value, null, 2) + '\n' : human());
  return 0;
}

export function helpOr(values: { help?: boolean }, io: CliIo): boolean {
  if (values.help) io.out(helpText);
  return Boolean(values.help);
}
