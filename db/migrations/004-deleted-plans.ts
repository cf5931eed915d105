import type { Migration } from './types';

/**
 * A plan can be deleted and brought back, like a project: it is kept, marked deleted. And a project's history
 * shows the imports that created or changed it, found through the undo log by what each item touched.
 */
export const deletedPlans: Migration = {
  version: 4,
  name: 'deleted-plans-and-import-history',
  sql: `
    ALTER TABLE plans ADD COLUMN deleted_at TEXT;
    CREATE INDEX import_batch_items_entity ON import_batch_items (entity, entity_id);
  `,
};
