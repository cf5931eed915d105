import type { Migration } from './types';

/**
 * A project keeps its number as the department wrote it (一, （三）, 4) beside the numeric order `seq`, so the
 * exported table and the bulletins number as the department did. Empty for projects numbered 1, 2, 3.
 * (Issue #12; file named for its version, as the list is merged.)
 */
export const seqAsWritten: Migration = {
  version: 7,
  name: 'project-seq-as-written',
  sql: `
    ALTER TABLE projects ADD COLUMN seq_label TEXT NOT NULL DEFAULT '';
  `,
};
