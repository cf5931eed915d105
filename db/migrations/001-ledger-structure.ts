import type { Migration } from './types';

/** Plans, projects and everything that describes them (DESIGN §2). */
export const ledgerStructure: Migration = {
  version: 1,
  name: 'ledger-structure',
  sql: `
    CREATE TABLE plans (
      id          INTEGER PRIMARY KEY,
      year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      level       TEXT NOT NULL CHECK (level IN ('province', 'city', 'county', 'district', 'township')),
      name        TEXT NOT NULL CHECK (length(name) > 0),
      region      TEXT NOT NULL DEFAULT '',
      start_date  TEXT NOT NULL,
      end_date    TEXT NOT NULL CHECK (end_date >= start_date),
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      UNIQUE (year, name)
    );

    CREATE TABLE units (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
      created_at  TEXT NOT NULL
    );

    -- 区人社局 = 区人力资源和社会保障局: every alias points at one unit.
    CREATE TABLE unit_aliases (
      alias       TEXT PRIMARY KEY,
      unit_id     INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE
    );
    CREATE INDEX unit_aliases_unit ON unit_aliases (unit_id);

    CREATE TABLE people (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
      title       TEXT NOT NULL DEFAULT '',
      created_at  TEXT NOT NULL
    );

    CREATE TABLE projects (
      id          INTEGER PRIMARY KEY,
      plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
      seq         INTEGER NOT NULL CHECK (seq > 0),
      section     TEXT NOT NULL DEFAULT '',
      title       TEXT NOT NULL CHECK (length(title) > 0),
      goal        TEXT NOT NULL DEFAULT '',
      deadline    TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    CREATE INDEX projects_plan ON projects (plan_id, seq);

    CREATE TABLE project_units (
      project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      unit_id     INTEGER NOT NULL REFERENCES units (id),
      role        TEXT NOT NULL CHECK (role IN ('lead', 'support')),
      position    INTEGER NOT NULL,
      PRIMARY KEY (project_id, role, unit_id)
    );
    CREATE INDEX project_units_unit ON project_units (unit_id);

    CREATE TABLE project_people (
      project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      person_id   INTEGER NOT NULL REFERENCES people (id),
      role        TEXT NOT NULL CHECK (role IN ('responsible', 'leader')),
      position    INTEGER NOT NULL,
      PRIMARY KEY (project_id, role, person_id)
    );
    CREATE INDEX project_people_person ON project_people (person_id);

    -- 工作任务1…5 of a project (seed 001).
    CREATE TABLE tasks (
      id          INTEGER PRIMARY KEY,
      project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      seq         INTEGER NOT NULL CHECK (seq > 0),
      title       TEXT NOT NULL CHECK (length(title) > 0),
      goal        TEXT NOT NULL DEFAULT '',
      deadline    TEXT,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    CREATE INDEX tasks_project ON tasks (project_id, seq);

    CREATE TABLE task_units (
      task_id     INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
      unit_id     INTEGER NOT NULL REFERENCES units (id),
      role        TEXT NOT NULL CHECK (role IN ('lead', 'support')),
      position    INTEGER NOT NULL,
      PRIMARY KEY (task_id, role, unit_id)
    );

    CREATE TABLE indicators (
      id          INTEGER PRIMARY KEY,
      project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      task_id     INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
      name        TEXT NOT NULL CHECK (length(name) > 0),
      kind        TEXT NOT NULL CHECK (kind IN ('count', 'rate', 'amount', 'length', 'milestone')),
      comparator  TEXT NOT NULL DEFAULT '>=' CHECK (comparator IN ('>=', '<=', '=')),
      target      REAL,
      unit        TEXT NOT NULL DEFAULT '',
      approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
      deadline    TEXT,
      position    INTEGER NOT NULL DEFAULT 0,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    );
    CREATE INDEX indicators_project ON indicators (project_id, position);

    -- 时间节点: "3月底前完成确权建档".
    CREATE TABLE milestones (
      id          INTEGER PRIMARY KEY,
      project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
      task_id     INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
      title       TEXT NOT NULL CHECK (length(title) > 0),
      due_date    TEXT NOT NULL,
      done_date   TEXT,
      position    INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX milestones_project ON milestones (project_id, due_date);
  `,
};
