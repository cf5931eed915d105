import type { Kysely } from 'kysely';
import type { MethodName, Output, ParsedInput } from '../../shared/api/contract';
import type { Database } from '../../db/schema';
import type { LedgerDatabase, OpenOptions } from '../../db/open';
import type { Staging } from './features/import/staging';

/** What every handler gets besides its validated input. */
export interface BackendContext {
  db: Kysely<Database>;
  ledger: LedgerDatabase;
  /** The local user's name, recorded in the audit log. */
  actor: string;
  appVersion: string;
  /** Files handed to the importer, waiting for the user's confirmation. */
  staging: Staging;
  /** ISO timestamp; injectable so tests are deterministic. */
  now(): string;
  /** Opens another ledger file the way this backend opens its own. */
  openFile(file: string, options?: Pick<OpenOptions, 'backupDir'>): LedgerDatabase;
  /** Closes the database, runs `whileClosed` (a restore replaces the file there), and opens the file again. */
  reconnect(whileClosed: () => void): Promise<void>;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: BackendContext) => Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
