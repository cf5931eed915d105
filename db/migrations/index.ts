import { ledgerStructure } from './001-ledger-structure';
import { reporting } from './002-reporting';
import { undo } from './003-undo';
import { deletedPlans } from './004-deleted-plans';
import { snapshotDetail } from './005-snapshot-detail';
import { figures } from './006-figures';
import { seqAsWritten } from './007-seq-as-written';
import { createdRanges } from './008-created-ranges';
import type { Migration } from './types';

/** The static, ordered list of migrations (Signal Desktop's shape). Append only; never edit a shipped one. */
export const migrations: readonly Migration[] = [ledgerStructure, reporting, undo, deletedPlans, snapshotDetail, figures, seqAsWritten, createdRanges];

export const latestSchemaVersion = migrations.length;
export type { Migration };
