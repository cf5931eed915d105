import type { Migration } from './types';

/**
 * Figures read from the words at import (issue #10): where an indicator's target was read ("读自工作任务：
 * ……"), the completion a period's progress states ("完成全年任务的43%"), and the undo log learning that
 * an import can write such a statement. SQLite cannot widen a CHECK, so the undo log is copied into a new
 * table with the wider one.
 */
export const figures: Migration = {
  version: 6,
  name: 'figures-read-from-words',
  sql: `
    ALTER TABLE indicators ADD COLUMN source_text TEXT NOT NULL DEFAULT '';

    CREATE TABLE stated_completions (
      id          INTEGER PRIMARY KEY,
      project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      period_id   INTEGER NOT NULL REFERENCES periods (id) ON DELETE CASCADE,
      share       REAL CHECK (share IS NULL OR share >= 0),
      done        INTEGER NOT NULL CHECK (done IN (0, 1)),
      words       TEXT NOT NULL CHECK (length(words) > 0),
      batch_id    INTEGER REFERENCES import_batches (id) ON DELETE SET NULL,
      actor       TEXT NOT NULL DEFAULT '',
      updated_at  TEXT NOT NULL,
      UNIQUE (project_id, period_id)
    );

    CREATE TABLE import_batch_items_v5 (
      id           INTEGER PRIMARY KEY,
      batch_id     INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
      entity       TEXT NOT NULL CHECK (entity IN ('plan', 'period', 'project', 'indicator', 'progress', 'value', 'stated')),
      entity_id    INTEGER NOT NULL,
      action       TEXT NOT NULL CHECK (action IN ('create', 'update')),
      before_json  TEXT
    );
    INSERT INTO import_batch_items_v5 (id, batch_id, entity, entity_id, action, before_json)
      SELECT id, batch_id, entity, entity_id, action, before_json FROM import_batch_items;
    DROP TABLE import_batch_items;
    ALTER TABLE import_batch_items_v5 RENAME TO import_batch_items;
    CREATE INDEX import_batch_items_batch ON import_batch_items (batch_id);
    CREATE INDEX import_batch_items_entity ON import_batch_items (entity, entity_id);
  `,
};
