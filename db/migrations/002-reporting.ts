import type { Migration } from './types';

/** Periods, progress, imports, judgements, sign-off and the audit trail. */
export const reporting: Migration = {
  version: 2,
  name: 'reporting',
  sql: `
    CREATE TABLE periods (
      id          INTEGER PRIMARY KEY,
      plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
      kind        TEXT NOT NULL CHECK (kind IN ('month', 'quarter', 'half', 'year', 'custom')),
      label       TEXT NOT NULL,
      start_date  TEXT NOT NULL,
      as_of       TEXT NOT NULL CHECK (as_of >= start_date),
      created_at  TEXT NOT NULL,
      UNIQUE (plan_id, as_of)
    );

    -- One row per imported file, kept so the import can be traced and undone.
    CREATE TABLE import_batches (
      id            INTEGER PRIMARY KEY,
      plan_id       INTEGER REFERENCES plans (id) ON DELETE SET NULL,
      period_id     INTEGER REFERENCES periods (id) ON DELETE SET NULL,
      file_name     TEXT NOT NULL,
      sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
      format        TEXT NOT NULL,
      sheet         TEXT NOT NULL DEFAULT '',
      mapping_json  TEXT NOT NULL DEFAULT '{}',
      counts_json   TEXT NOT NULL DEFAULT '{}',
      actor         TEXT NOT NULL DEFAULT '',
      imported_at   TEXT NOT NULL,
      undone_at     TEXT
    );

    -- A department's column mapping, remembered by the header's signature.
    CREATE TABLE import_profiles (
      id                INTEGER PRIMARY KEY,
      department        TEXT NOT NULL DEFAULT '',
      header_signature  TEXT NOT NULL,
      mapping_json      TEXT NOT NULL,
      updated_at        TEXT NOT NULL,
      UNIQUE (department, header_signature)
    );

    -- 进展情况 per project, per unit (NULL: the project as a whole), per period.
    CREATE TABLE progress_reports (
      id          INTEGER PRIMARY KEY,
      project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      period_id   INTEGER NOT NULL REFERENCES periods (id) ON DELETE CASCADE,
      unit_id     INTEGER REFERENCES units (id),
      narrative   TEXT NOT NULL DEFAULT '',
      batch_id    INTEGER REFERENCES import_batches (id) ON DELETE SET NULL,
      actor       TEXT NOT NULL DEFAULT '',
      updated_at  TEXT NOT NULL
    );
    CREATE UNIQUE INDEX progress_reports_key ON progress_reports (project_id, period_id, ifnull(unit_id, 0));
    CREATE INDEX progress_reports_period ON progress_reports (period_id);

    CREATE TABLE indicator_values (
      id            INTEGER PRIMARY KEY,
      indicator_id  INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
      period_id     INTEGER NOT NULL REFERENCES periods (id) ON DELETE CASCADE,
      unit_id       INTEGER REFERENCES units (id),
      actual        REAL,
      approximate   INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
      source_text   TEXT NOT NULL DEFAULT '',
      batch_id      INTEGER REFERENCES import_batches (id) ON DELETE SET NULL,
      actor         TEXT NOT NULL DEFAULT '',
      updated_at    TEXT NOT NULL
    );
    CREATE UNIQUE INDEX indicator_values_key ON indicator_values (indicator_id, period_id, ifnull(unit_id, 0));
    CREATE INDEX indicator_values_period ON indicator_values (period_id);

    -- Named, versioned rule presets; a judgement names the one that produced it.
    CREATE TABLE rule_presets (
      id           INTEGER PRIMARY KEY,
      name         TEXT NOT NULL,
      version      INTEGER NOT NULL CHECK (version > 0),
      config_json  TEXT NOT NULL,
      builtin      INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
      created_at   TEXT NOT NULL,
      UNIQUE (name, version)
    );

    -- A person's class for a project, with the reason they must give; revoked, never deleted.
    CREATE TABLE status_overrides (
      id          INTEGER PRIMARY KEY,
      project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      period_id   INTEGER REFERENCES periods (id) ON DELETE CASCADE,
      status      TEXT NOT NULL CHECK (status IN ('completed', 'onTrack', 'lagging', 'overdue', 'notStarted', 'missingReport', 'manual')),
      reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      actor       TEXT NOT NULL DEFAULT '',
      created_at  TEXT NOT NULL,
      revoked_at  TEXT
    );
    CREATE INDEX status_overrides_project ON status_overrides (project_id, period_id);

    -- 填表人 → 审核人 → 签发领导; a signed revision is frozen (see the triggers below).
    CREATE TABLE sign_offs (
      id             INTEGER PRIMARY KEY,
      period_id      INTEGER NOT NULL REFERENCES periods (id),
      revision       INTEGER NOT NULL CHECK (revision > 0),
      state          TEXT NOT NULL CHECK (state IN ('draft', 'prepared', 'reviewed', 'signed')),
      reason         TEXT NOT NULL DEFAULT '',
      preparer       TEXT NOT NULL DEFAULT '',
      prepared_at    TEXT,
      reviewer       TEXT NOT NULL DEFAULT '',
      reviewed_at    TEXT,
      signer         TEXT NOT NULL DEFAULT '',
      signed_at      TEXT,
      snapshot_json  TEXT,
      seal_json      TEXT,
      UNIQUE (period_id, revision)
    );
    CREATE TRIGGER sign_offs_signed_is_frozen BEFORE UPDATE ON sign_offs WHEN OLD.state = 'signed'
    BEGIN SELECT RAISE(ABORT, 'SIGNED_REVISION_LOCKED'); END;
    CREATE TRIGGER sign_offs_signed_is_kept BEFORE DELETE ON sign_offs WHEN OLD.state = 'signed'
    BEGIN SELECT RAISE(ABORT, 'SIGNED_REVISION_LOCKED'); END;

    CREATE TABLE settings (
      key         TEXT PRIMARY KEY,
      value_json  TEXT NOT NULL
    );

    -- Who changed what, when, before and after.
    CREATE TABLE audit_log (
      id           INTEGER PRIMARY KEY,
      at           TEXT NOT NULL,
      actor        TEXT NOT NULL DEFAULT '',
      action       TEXT NOT NULL,
      entity       TEXT NOT NULL,
      entity_id    INTEGER,
      before_json  TEXT,
      after_json   TEXT
    );
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
  `,
};
