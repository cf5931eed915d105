import type { Migration } from './types';

/** A plan can be deleted and brought back, like a project: it is kept, marked deleted. */
export const deletedPlans: Migration = {
  version: 4,
  name: 'deleted-plans',
  sql: `
    ALTER TABLE plans ADD COLUMN deleted_at TEXT;
  `,
};
