import type Sqlite from 'better-sqlite3';
import type { Project } from '../../../../shared/domain';
import { projectTitles, type ProjectTitles } from '../../../../shared/matching';
import { importReader } from '../../../../db/repositories/import-reader';
import { ledgerVersion } from './version';

/**
 * The ledger read ahead, while the parsing thread reads the file (issue #13). Planning next month's table reads
 * every project of its plan and the last period's narratives; better-sqlite3 reads on this thread, which
 * otherwise waits for the parse. Which plan the table goes to is known only once it is read, so this is a
 * guess — the plan and period of the latest import — that planning uses only for that same plan and period,
 * and only while the ledger is at the version it was read at (no connection has written since).
 */
export interface ReadAhead {
  /** `ledgerVersion` before the reading began. */
  version: string;
  planId: number;
  projects: Project[];
  /** `projectTitles(projects)`, for matching the table's rows to them. */
  titles: ProjectTitles;
  /** The narratives of one period, as `importReader(…).narrativeTexts(periodId)` gives them. */
  narratives: { periodId: number; texts: [projectId: number, narrative: string][] } | null;
}

/** One reading per connection, used once: what planning takes is its own, as a fresh read would be. */
const held = new WeakMap<Sqlite.Database, ReadAhead>();

/**
 * Reads ahead the ledger that the next import most likely plans against. A guess: any failure leaves nothing
 * read ahead, and planning reads as it would have. Not inside a transaction, whose writes may yet be undone.
 */
export function readAhead(sqlite: Sqlite.Database): void {
  held.delete(sqlite);
  try {
    if (sqlite.inTransaction) return;
    const version = ledgerVersion(sqlite);
    const reader = importReader(sqlite);
    const last = reader.lastImport();
    if (!last) return;
    const projects = reader.projects(last.planId);
    const narratives = last.periodId === null ? null : { periodId: last.periodId, texts: reader.narrativeTexts(last.periodId) };
    // Statements apart, not one snapshot: a write by another connection in between shows in the version.
    if (ledgerVersion(sqlite) === version) held.set(sqlite, { version, planId: last.planId, projects, titles: projectTitles(projects), narratives });
  } catch {
    held.delete(sqlite);
  }
}

/** What was read ahead, if the ledger is still at `version` (taken either way: it is used once or not at all). */
export function takeReadAhead(sqlite: Sqlite.Database, version: string): ReadAhead | null {
  const ahead = held.get(sqlite);
  held.delete(sqlite);
  return ahead && ahead.version === version ? ahead : null;
}
