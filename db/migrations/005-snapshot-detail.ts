import type { Migration } from './types';

/**
 * A submitted revision also freezes what a bulletin needs beyond the sealed table (title and goal apart, support units,
 * the judgement, each unit's words, the tasks): beside the snapshot, not in it, so the seal over the snapshot and every
 * file already exported verify as before. The existing trigger keeps it unchanged once the revision is signed.
 * (Numbered 008 for this issue; its version follows the list it is merged into.)
 */
export const snapshotDetail: Migration = {
  version: 5,
  name: 'snapshot-detail',
  sql: `
    ALTER TABLE sign_offs ADD COLUMN detail_json TEXT;
  `,
};
