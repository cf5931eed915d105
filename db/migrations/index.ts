import { ledgerStructure } from './001-ledger-structure';
import { reporting } from './002-reporting';
import { undo } from './003-undo';
import { deletedPlans } from './004-deleted-plans';
import { snapshotDetail } from './005-snapshot-detail';
import { seqAsWritten } from './006-seq-as-written';
import type { Migration } from './types';

/** The static, ordered list of migrations (Signal Desktop's shape). Append only; never edit a shipped one. */
export const migrations: readonly Migration[] = [ledgerStructure, reporting, undo, deletedPlans, snapshotDetail, seqAsWritten];

export const latestSchemaVersion = migrations.length;
export type { Migration };
