import type Sqlite from 'better-sqlite3';
import type { Indicator, PersonRole, UnitRole } from '../../shared/domain';
import { bulkInsert } from './bulk-insert';
import { createdLog, type CreatedEntity, type CreatedKey } from './created-log';
import type { BatchItem } from './import-batches';
import type { ProjectLinks } from './projects';

/**
 * The import commit's write path. An import writes tens of thousands of rows; through Kysely each costs tens
 * of microseconds of query building, through a prepared statement a few. The statements run on the one
 * connection the commit's Kysely transaction holds, so they are part of that transaction (checked before each
 * statement runs, not on every call: rows held for writing in bulk are checked when written). They write exactly
 * what the repositories write (projects, directory, progress, indicators, import-batches): the import tests read
 * every row back through those repositories.
 *
 * Rows nothing reads back during the import (links, indicators, progress, values, the undo log) are written in bulk
 * (`bulkInsert`), and foreign keys are checked at COMMIT, so that they may be written after what they point
 * at. New projects get their ids here, the next free ones: the import holds the write lock.
 */
export interface ImportWriter {
  /** A number for a new project: the table's own when the plan has no project with it, else the next free. */
  seqFor(wanted: number | null): number;
  /** A new project, with its links; the undo log gets one entry for all the projects created (their ids run on). */
  insertProject(project: { planId: number; seq: number; seqLabel?: string; section: string; title: string; goal: string }, links: ProjectLinks): number;
  /** A task of a new project, with its lead units. */
  insertTask(projectId: number, seq: number, title: string, leadUnits: readonly string[]): number;
  /** Replaces the links of the roles given (an empty list leaves that role alone) and touches the project. */
  updateLinks(projectId: number, links: ProjectLinks): void;
  /** Resolves a unit name through aliases, creating the unit when unknown. */
  unitId(name: string): number;
  saveNarrative(projectId: number, periodId: number, unitId: number | null, narrative: string): void;
  insertIndicator(projectId: number, fields: Omit<Indicator, 'id' | 'position' | 'projectId'>): number;
  /** `unitId`: the reporting unit's part of the figure, when the progress is split by unit. */
  saveActual(indicatorId: number, periodId: number, actual: number, sourceText: string, unitId?: number | null): void;
  /** The completion the period's progress states, as accepted. */
  saveStated(projectId: number, periodId: number, stated: { share: number | null; done: boolean; words: string }): void;
  /** Adds one entry to the batch's undo log (the projects it creates are logged by the writer itself). */
  recordItem(item: Omit<BatchItem, 'batchId' | 'lastEntityId'>): void;
  /**
   * Logs a row this import wrote where the ledger had none: an indicator (by id), or the progress, value or
   * stated completion at `key` of project or indicator `id`. Logged at finish with all the others of its kind
   * and key (`createdLog`), and undone by deleting what is at those keys.
   */
  recordCreated(entity: CreatedEntity, id: number, key: CreatedKey | null): void;
  /** Writes what is still held for writing in bulk: before anything reads those tables again. */
  finish(): void;
}

/** Each role, the list of names it links, and the number the link statements bind for it (1 for the first). */
const unitRoles: [UnitRole, keyof ProjectLinks, number][] = [
  ['lead', 'leadUnits', 1],
  ['support', 'supportUnits', 0],
];
const personRoles: [PersonRole, keyof ProjectLinks, number][] = [
  ['responsible', 'responsiblePeople', 1],
  ['leader', 'leaders', 0],
];

/** The ids of the names, each once, in the order its name first comes (a row names one or two: no Set). */
function distinct(names: readonly string[], idOf: (name: string) => number): number[] {
  const ids: number[] = [];
  for (const name of names) {
    const id = idOf(name);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function importWriter(sqlite: Sqlite.Database, context: { planId: number; batchId: number; actor: string; now: string }): ImportWriter {
  const { planId, batchId, actor, now } = context;
  const inTransaction = () => {
    if (!sqlite.inTransaction) throw new Error('importWriter is used outside the import transaction');
  };
  const sql = {
    seqs: sqlite.prepare<[number], number>('SELECT seq FROM projects WHERE plan_id = ?').pluck(),
    lastProjectId: sqlite.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM projects'),
    touchProject: sqlite.prepare('UPDATE projects SET updated_at = ? WHERE id = ?'),
    unitByName: sqlite.prepare<[string], { id: number }>('SELECT id FROM units WHERE name = ?'),
    unitByAlias: sqlite.prepare<[string], { id: number }>('SELECT unit_id AS id FROM unit_aliases WHERE alias = ?'),
    insertUnit: sqlite.prepare('INSERT INTO units (name, created_at) VALUES (?, ?)'),
    personByName: sqlite.prepare<[string], { id: number }>('SELECT id FROM people WHERE name = ?'),
    insertPerson: sqlite.prepare('INSERT INTO people (name, created_at) VALUES (?, ?)'),
    clearUnits: sqlite.prepare('DELETE FROM project_units WHERE project_id = ? AND role = ?'),

    clearPeople: sqlite.prepare('DELETE FROM project_people WHERE project_id = ? AND role = ?'),

    lastPosition: sqlite.prepare<[number], { max: number | null }>('SELECT max(position) AS max FROM indicators WHERE project_id = ?'),
    lastIndicatorId: sqlite.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM indicators'),
    saveStated: sqlite.prepare(
      'INSERT OR REPLACE INTO stated_completions (project_id, period_id, share, done, words, batch_id, actor, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertTask: sqlite.prepare('INSERT INTO tasks (project_id, seq, title, goal, deadline, created_at, updated_at) VALUES (?, ?, ?, \'\', NULL, ?, ?)'),
    logCreated: sqlite.prepare(
      "INSERT INTO import_batch_items (batch_id, entity, entity_id, action, before_json, last_entity_id) VALUES (?, ?, ?, 'create', ?, ?)",
    ),
    logCreatedProjects: sqlite.prepare("INSERT INTO import_batch_items (batch_id, entity, entity_id, action, last_entity_id) VALUES (?, 'project', ?, 'create', ?)"),
    linkTaskUnit: sqlite.prepare("INSERT INTO task_units (task_id, unit_id, role, position) VALUES (?, ?, 'lead', ?)"),
  };
  // The time stamp, actor and batch every row of an import has, bound once a statement (`bulkInsert`).
  const stamp = { now };
  const signed = { batchId, actor, now };
  // A bulk statement's rows go after the rows they point at that are held too (`pointsAt`).
  const projects = bulkInsert(sqlite, 'INSERT INTO projects (id, plan_id, seq, seq_label, section, title, goal, deadline, created_at, updated_at)', '(?, ?, ?, ?, ?, ?, ?, NULL, @now, @now)', {
    beforeWrite: inTransaction,
    constants: stamp,
  });
  const afterProjects = { beforeWrite: inTransaction, pointsAt: projects };
  const indicators = bulkInsert(
    sqlite,
    'INSERT INTO indicators (id, project_id, task_id, name, kind, comparator, target, unit, approximate, deadline, position, created_at, updated_at, source_text)',
    '(?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, @now, @now, ?)',
    { ...afterProjects, constants: stamp },
  );
  const bulk = {
    projects,
    // A role is bound as a number and written as its name: binding a string costs some four times a number's.
    projectUnits: bulkInsert(sqlite, 'INSERT INTO project_units (project_id, unit_id, role, position)', "(?, ?, iif(?, 'lead', 'support'), ?)", afterProjects),
    indicators,
    projectPeople: bulkInsert(sqlite, 'INSERT INTO project_people (project_id, person_id, role, position)', "(?, ?, iif(?, 'responsible', 'leader'), ?)", afterProjects),
    // The unique index on (project, period, unit) makes REPLACE the repositories' delete-then-insert.
    narratives: bulkInsert(
      sqlite,
      'INSERT OR REPLACE INTO progress_reports (project_id, period_id, unit_id, narrative, batch_id, actor, updated_at)',
      '(?, ?, ?, ?, @batchId, @actor, @now)',
      { ...afterProjects, constants: signed },
    ),
    values: bulkInsert(
      sqlite,
      'INSERT OR REPLACE INTO indicator_values (indicator_id, period_id, unit_id, actual, source_text, batch_id, actor, updated_at)',
      '(?, ?, ?, ?, ?, @batchId, @actor, @now)',
      { beforeWrite: inTransaction, pointsAt: indicators, constants: signed },
    ),
    items: bulkInsert(sqlite, 'INSERT INTO import_batch_items (batch_id, entity, entity_id, action, before_json)', '(@batchId, ?, ?, ?, ?)', {
      beforeWrite: inTransaction,
      constants: { batchId },
    }),
  };

  inTransaction();
  // Reset by SQLite at the end of the transaction.
  sqlite.pragma('defer_foreign_keys = ON');
  let lastProjectId = sql.lastProjectId.get()?.id ?? 0;
  const firstNewProjectId = lastProjectId + 1;
  // The projects created so far that the undo log names (at finish).
  let loggedThrough = lastProjectId;
  // Indicators are written in bulk too (accepting every figure of a large table makes tens of thousands):
  // their ids are the next free ones, and each project's next position is kept here once read, as nothing
  // else writes indicators during the import.
  let lastIndicatorId = sql.lastIndicatorId.get()?.id ?? 0;
  const nextPosition = new Map<number, number>();
  // The plan's numbers, read when a project is first numbered: next month's table numbers none.
  let used: Set<number> | null = null;
  let nextSeq = 1;
  const usedSeqs = (): Set<number> => {
    if (used) return used;
    inTransaction();
    used = new Set(sql.seqs.all(planId));
    for (const seq of used) nextSeq = Math.max(nextSeq, seq + 1);
    return used;
  };
  const created = createdLog();
  const units = new Map<string, number>();
  const people = new Map<string, number>();

  const unitId = (name: string): number => {
    let id = units.get(name);
    if (id === undefined) {
      inTransaction();
      id = sql.unitByName.get(name)?.id ?? sql.unitByAlias.get(name)?.id ?? Number(sql.insertUnit.run(name, now).lastInsertRowid);
      units.set(name, id);
    }
    return id;
  };
  const personId = (name: string): number => {
    let id = people.get(name);
    if (id === undefined) {
      inTransaction();
      id = sql.personByName.get(name)?.id ?? Number(sql.insertPerson.run(name, now).lastInsertRowid);
      people.set(name, id);
    }
    return id;
  };

  const firstFreePosition = (projectId: number): number => {
    inTransaction();
    return (sql.lastPosition.get(projectId)?.max ?? -1) + 1;
  };

  /** Writes the given roles' links in the order given; `fresh` projects have none to clear. */
  const link = (projectId: number, links: ProjectLinks, fresh: boolean) => {
    // What is cleared must include the links still held for writing.
    if (!fresh) [bulk.projectUnits, bulk.projectPeople].forEach((b) => b.flush());
    // Indexed, not destructured: once for each of 20,000 new projects, much of it before V8 compiles this.
    for (let r = 0; r < unitRoles.length; r++) {
      const role = unitRoles[r]![0], key = unitRoles[r]![1], code = unitRoles[r]![2];
      if (links[key].length === 0) continue;
      if (!fresh) sql.clearUnits.run(projectId, role);
      const ids = distinct(links[key], unitId);
      for (let position = 0; position < ids.length; position++) bulk.projectUnits.add(projectId, ids[position], code, position);
    }
    for (let r = 0; r < personRoles.length; r++) {
      const role = personRoles[r]![0], key = personRoles[r]![1], code = personRoles[r]![2];
      if (links[key].length === 0) continue;
      if (!fresh) sql.clearPeople.run(projectId, role);
      const ids = distinct(links[key], personId);
      for (let position = 0; position < ids.length; position++) bulk.projectPeople.add(projectId, ids[position], code, position);
    }
  };

  return {
    seqFor(wanted) {
      const taken = usedSeqs();
      const seq = wanted !== null && Number.isInteger(wanted) && wanted > 0 && !taken.has(wanted) ? wanted : nextSeq;
      taken.add(seq);
      nextSeq = Math.max(nextSeq, seq + 1);
      return seq;
    },
    insertProject(project, links) {
      const id = ++lastProjectId;
      bulk.projects.add(id, project.planId, project.seq, project.seqLabel ?? '', project.section, project.title, project.goal);
      link(id, links, true);
      return id;
    },
    insertTask(projectId, seq, title, leadUnits) {
      inTransaction();
      const id = Number(sql.insertTask.run(projectId, seq, title, now, now).lastInsertRowid);
      distinct(leadUnits, unitId).forEach((unit, position) => sql.linkTaskUnit.run(id, unit, position));
      return id;
    },
    updateLinks(projectId, links) {
      inTransaction();
      sql.touchProject.run(now, projectId);
      link(projectId, links, false);
    },
    unitId(name) {
      return unitId(name);
    },
    saveNarrative(projectId, periodId, unit, narrative) {
      bulk.narratives.add(projectId, periodId, unit, narrative);
    },
    insertIndicator(projectId, f) {
      // A project made by this import has no indicators in the ledger to ask about.
      const position = nextPosition.get(projectId) ?? (projectId >= firstNewProjectId ? 0 : firstFreePosition(projectId));
      nextPosition.set(projectId, position + 1);
      const id = ++lastIndicatorId;
      bulk.indicators.add(id, projectId, f.name, f.kind, f.comparator, f.target, f.unit, f.approximate ? 1 : 0, f.deadline, position, f.sourceText ?? '');
      return id;
    },
    saveActual(indicatorId, periodId, actual, sourceText, unitId = null) {
      bulk.values.add(indicatorId, periodId, unitId, actual, sourceText);
    },
    saveStated(projectId, periodId, stated) {
      inTransaction();
      sql.saveStated.run(projectId, periodId, stated.share, stated.done ? 1 : 0, stated.words, batchId, actor, now);
    },
    recordItem(item) {
      bulk.items.add(item.entity, item.entityId, item.action, item.beforeJson);
    },
    recordCreated(entity, id, key) {
      created.record(entity, id, key);
    },
    finish() {
      inTransaction();
      for (const b of Object.values(bulk)) b.flush();
      // A created key had no row before the import and the undo only ever deletes it: when, among its steps, changes nothing.
      for (const e of created.take()) sql.logCreated.run(batchId, e.entity, e.entityId, e.beforeJson, e.lastEntityId);
      // Last in the log, so undone first: every project this import made, and with them all written under them.
      if (lastProjectId > loggedThrough) sql.logCreatedProjects.run(batchId, loggedThrough + 1, lastProjectId);
      loggedThrough = lastProjectId;
    },
  };
}

