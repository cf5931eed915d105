import type { Migration } from './types';

/**
 * Undo for the two destructive actions a clerk takes: an import batch (what it did, row by row: a created
 * row is deleted, an updated one gets its earlier state back) and deleting a project (kept, marked deleted);
 * and the tables a superior office receives, for consolidation.
 */
export const undo: Migration = {
  version: 3,
  name: 'undo',
  sql: `
    ALTER TABLE projects ADD COLUMN deleted_at TEXT;

    CREATE TABLE import_batch_items (
      id           INTEGER PRIMARY KEY,
      batch_id     INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
      entity       TEXT NOT NULL CHECK (entity IN ('plan', 'period', 'project', 'indicator', 'progress', 'value')),
      entity_id    INTEGER NOT NULL,
      action       TEXT NOT NULL CHECK (action IN ('create', 'update')),
      before_json  TEXT
    );
    CREATE INDEX import_batch_items_batch ON import_batch_items (batch_id);

    -- Sealed tables received from subordinate offices, kept for the consolidated view.
    CREATE TABLE received_tables (
      id             INTEGER PRIMARY KEY,
      file_name      TEXT NOT NULL,
      sha256         TEXT NOT NULL UNIQUE,
      office         TEXT NOT NULL,
      fingerprint    TEXT NOT NULL,
      valid          INTEGER NOT NULL CHECK (valid IN (0, 1)),
      changes        INTEGER NOT NULL DEFAULT 0,
      signer         TEXT NOT NULL DEFAULT '',
      plan_name      TEXT NOT NULL,
      period_as_of   TEXT NOT NULL,
      snapshot_json  TEXT NOT NULL,
      received_at    TEXT NOT NULL
    );
  `,
};
