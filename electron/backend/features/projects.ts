import { LedgerError } from '../../../shared/errors';
import { uniqueNames } from '../../../shared/names';
import { getPlan } from '../../../db/repositories/plans';
import { recordAudit } from '../../../db/repositories/audit';
import {
  getProject,
  insertProject,
  listProjects,
  nextProjectSeq,
  setProjectDeleted,
  updateProjectRow,
  type ProjectLinks,
} from '../../../db/repositories/projects';
import { projectAuditTrail, projectImports } from '../../../db/repositories/history';
import type { Handlers } from '../context';
import { describeAudit, describeImport } from './history';

const notFound = (id: number) => new LedgerError('NOT_FOUND', `找不到编号为 ${id} 的实事项目，可能已被删除。`);

function linksOf(input: Partial<ProjectLinks>): Partial<ProjectLinks> {
  const links: Partial<ProjectLinks> = {};
  for (const key of ['leadUnits', 'supportUnits', 'responsiblePeople', 'leaders'] as const) {
    const names = input[key];
    if (names) links[key] = uniqueNames(names);
  }
  return links;
}

export const projectHandlers = {
  'projects.list': async ({ planId }, ctx) => {
    if (!(await getPlan(ctx.db, planId))) throw new LedgerError('NOT_FOUND', `找不到编号为 ${planId} 的计划。`);
    return listProjects(ctx.db, planId);
  },

  'projects.get': async ({ id }, ctx) => (await getProject(ctx.db, id)) ?? Promise.reject(notFound(id)),

  'projects.history': async ({ id }, ctx) => {
    if (!(await getProject(ctx.db, id))) throw notFound(id);
    const audit = (await projectAuditTrail(ctx.db, id)).map(describeAudit);
    const imports = (await projectImports(ctx.db, id)).flatMap(describeImport);
    return [...audit, ...imports].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  },

  'projects.create': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      if (!(await getPlan(trx, input.planId))) throw new LedgerError('NOT_FOUND', `找不到编号为 ${input.planId} 的计划。`);
      const links = { leadUnits: [], supportUnits: [], responsiblePeople: [], leaders: [], ...linksOf(input) };
      if (links.leadUnits.length === 0) throw new LedgerError('INVALID_INPUT', '请至少填写一个主要责任单位。');
      const now = ctx.now();
      const id = await insertProject(
        trx,
        {
          planId: input.planId,
          seq: input.seq ?? (await nextProjectSeq(trx, input.planId)),
          section: input.section,
          title: input.title,
          goal: input.goal,
          deadline: input.deadline,
          createdAt: now,
          updatedAt: now,
        },
        links,
        now,
      );
      const project = (await getProject(trx, id))!;
      await recordAudit(trx, { actor: ctx.actor, action: 'create', entity: 'project', entityId: id, after: project }, now);
      return project;
    }),

  /** Kept, marked deleted, so that 撤销 brings it back with everything it had. */
  'projects.delete': async ({ id }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await getProject(trx, id);
      if (!before) throw notFound(id);
      const now = ctx.now();
      await setProjectDeleted(trx, id, now);
      await recordAudit(trx, { actor: ctx.actor, action: 'delete', entity: 'project', entityId: id, before }, now);
      return before;
    }),

  'projects.restore': async ({ id }, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      if (!(await getProject(trx, id, { includeDeleted: true }))) throw notFound(id);
      const now = ctx.now();
      await setProjectDeleted(trx, id, null);
      const after = (await getProject(trx, id))!;
      await recordAudit(trx, { actor: ctx.actor, action: 'create', entity: 'project', entityId: id, after }, now);
      return after;
    }),

  'projects.update': async (input, ctx) =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await getProject(trx, input.id);
      if (!before) throw notFound(input.id);
      const links = linksOf(input);
      if (links.leadUnits?.length === 0) throw new LedgerError('INVALID_INPUT', '请至少填写一个主要责任单位。');
      const now = ctx.now();
      const { id, leadUnits: _l, supportUnits: _s, responsiblePeople: _r, leaders: _d, ...fields } = input;
      await updateProjectRow(trx, id, fields, links, now);
      const after = (await getProject(trx, id))!;
      await recordAudit(trx, { actor: ctx.actor, action: 'update', entity: 'project', entityId: id, before, after }, now);
      return after;
    }),
} satisfies Partial<Handlers>;
