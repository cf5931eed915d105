import type { Migration } from './types';

/**
 * An import's undo log names the projects it created as one run of ids, not one entry each: a first import of
 * 20,000 rows wrote 20,000 entries (and their two index entries) that undoing then deleted one by one
 * (issue #13). `last_entity_id`, when set, makes an entry stand for every id from `entity_id` to it. Entries
 * written before stand for their one id, as they always did.
 */
export const createdRanges: Migration = {
  version: 8,
  name: 'import-created-ranges',
  sql: `
    ALTER TABLE import_batch_items ADD COLUMN last_entity_id INTEGER CHECK (last_entity_id IS NULL OR last_entity_id >= entity_id);
  `,
};
