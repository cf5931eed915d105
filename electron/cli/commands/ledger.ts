/** The commands that read and edit the ledger itself: plans, projects, indicators, periods, progress, status. */
import type { Input } from '../../../shared/api/contract';
import { LedgerError } from '../../../shared/errors';
import type { Plan, PlanSummary, Project } from '../../../shared/domain';
import { intOption, listOption, numberOption, parseActualOption, parseOptions, requireOption } from '../args';
import { call, globalOptions, helpOr, print, withBackend, type Command } from '../command';
import { levelNames, parseLevel } from '../levels';
import { statusJson, statusText } from '../status-output';

const planLine = (p: Plan | PlanSummary) =>
  `#${p.id}  ${p.year} 年  ${levelNames[p.level]}级  ${p.name}  （${p.startDate} 至 ${p.endDate}）` +
  ('projectCount' in p ? `  ${p.projectCount} 项` : '');
const projectLine = (p: Project) =>
  `${String(p.seq).padStart(3)}. ${p.title}  [主要责任单位：${p.leadUnits.join('、') || '—'}]` +
  (p.leaders.length ? `  [分管领导：${p.leaders.join('、')}]` : '');

export const ledgerCommands: Record<string, Command> = {
  async plans(args, io) {
    const [sub, ...rest] = args;
    const { values } = parseOptions(rest, {
      ...globalOptions,
      year: { type: 'string' },
      level: { type: 'string' },
      name: { type: 'string' },
      region: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
    });
    if (helpOr(values, io)) return 0;
    return withBackend(values, io, async (backend) => {
      if (sub === 'list') {
        const plans = await call(backend, 'plans.list', {});
        return print(io, values, plans, () => (plans.length ? plans.map(planLine).join('\n') + '\n' : '还没有年度计划。用 plans create 新建。\n'));
      }
      if (sub === 'create') {
        const plan = await call(backend, 'plans.create', {
          year: intOption(requireOption(values.year, 'year'), 'year'),
          level: parseLevel(requireOption(values.level, 'level')),
          name: requireOption(values.name, 'name'),
          region: values.region,
          startDate: values.start,
          endDate: values.end,
        });
        return print(io, values, plan, () => `已创建计划 ${planLine(plan)}\n`);
      }
      throw new LedgerError('INVALID_INPUT', 'plans 之后应为 list 或 create。用 --help 查看用法。');
    });
  },

  async projects(args, io) {
    const [sub, ...rest] = args;
    const { values } = parseOptions(rest, {
      ...globalOptions,
      plan: { type: 'string' },
      title: { type: 'string' },
      goal: { type: 'string' },
      deadline: { type: 'string' },
      seq: { type: 'string' },
      'lead-unit': { type: 'string', multiple: true },
      'support-unit': { type: 'string', multiple: true },
      person: { type: 'string', multiple: true },
      leader: { type: 'string', multiple: true },
    });
    if (helpOr(values, io)) return 0;
    const planId = intOption(requireOption(values.plan, 'plan'), 'plan');
    return withBackend(values, io, async (backend) => {
      if (sub === 'list') {
        const projects = await call(backend, 'projects.list', { planId });
        return print(io, values, projects, () =>
          projects.length ? projects.map(projectLine).join('\n') + '\n' : '该计划还没有实事项目。用 projects add 添加。\n',
        );
      }
      if (sub === 'add') {
        const project = await call(backend, 'projects.create', {
          planId,
          title: requireOption(values.title, 'title'),
          goal: values.goal,
          deadline: values.deadline,
          seq: intOption(values.seq, 'seq'),
          leadUnits: listOption(values['lead-unit']),
          supportUnits: listOption(values['support-unit']),
          responsiblePeople: listOption(values.person),
          leaders: listOption(values.leader),
        });
        return print(io, values, project, () => `已添加 ${projectLine(project)}\n`);
      }
      throw new LedgerError('INVALID_INPUT', 'projects 之后应为 list 或 add。用 --help 查看用法。');
    });
  },

  async status(args, io) {
    const { values } = parseOptions(args, { ...globalOptions, plan: { type: 'string' }, 'as-of': { type: 'string' }, preset: { type: 'string' } });
    if (helpOr(values, io)) return 0;
    return withBackend(values, io, async (backend) => {
      const planId = intOption(values.plan, 'plan') ?? (await call(backend, 'plans.list', {}))[0]?.id;
      if (planId === undefined) throw new LedgerError('NOT_FOUND', '还没有年度计划。用 plans create 新建。');
      const report = await call(backend, 'status.plan', { planId, asOf: values['as-of'], preset: values.preset });
      return print(io, values, statusJson(report), () => statusText(report));
    });
  },

  async indicators(args, io) {
    const [sub, ...rest] = args;
    const { values } = parseOptions(rest, {
      ...globalOptions,
      project: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      comparator: { type: 'string' },
      target: { type: 'string' },
      unit: { type: 'string' },
      deadline: { type: 'string' },
    });
    if (helpOr(values, io)) return 0;
    const projectId = intOption(requireOption(values.project, 'project'), 'project');
    return withBackend(values, io, async (backend) => {
      if (sub === 'list') {
        const list = await call(backend, 'indicators.list', { projectId });
        return print(io, values, list, () => list.map((i) => `#${i.id}  ${i.name}  ${i.comparator} ${i.target ?? '—'} ${i.unit}`).join('\n') + '\n');
      }
      if (sub === 'add') {
        const indicator = await call(backend, 'indicators.create', {
          projectId,
          name: requireOption(values.name, 'name'),
          kind: (values.kind ?? 'count') as Input<'indicators.create'>['kind'],
          comparator: (values.comparator ?? '>=') as Input<'indicators.create'>['comparator'],
          target: numberOption(values.target, 'target'),
          unit: values.unit,
          deadline: values.deadline,
        });
        return print(io, values, indicator, () => `已添加指标 #${indicator.id} ${indicator.name}\n`);
      }
      throw new LedgerError('INVALID_INPUT', 'indicators 之后应为 list 或 add。用 --help 查看用法。');
    });
  },

  async periods(args, io) {
    const [sub, ...rest] = args;
    const { values } = parseOptions(rest, { ...globalOptions, plan: { type: 'string' }, kind: { type: 'string' }, 'as-of': { type: 'string' }, label: { type: 'string' } });
    if (helpOr(values, io)) return 0;
    const planId = intOption(requireOption(values.plan, 'plan'), 'plan');
    return withBackend(values, io, async (backend) => {
      if (sub === 'list') {
        const list = await call(backend, 'periods.list', { planId });
        return print(io, values, list, () => list.map((p) => `#${p.id}  ${p.label}  （${p.startDate} 至 ${p.asOf}）`).join('\n') + '\n');
      }
      if (sub === 'add') {
        const period = await call(backend, 'periods.create', {
          planId,
          kind: (values.kind ?? 'month') as Input<'periods.create'>['kind'],
          asOf: requireOption(values['as-of'], 'as-of'),
          label: values.label,
        });
        return print(io, values, period, () => `已添加报送期 #${period.id} ${period.label}\n`);
      }
      throw new LedgerError('INVALID_INPUT', 'periods 之后应为 list 或 add。用 --help 查看用法。');
    });
  },

  async progress(args, io) {
    const [sub, ...rest] = args;
    const { values } = parseOptions(rest, {
      ...globalOptions,
      project: { type: 'string' },
      period: { type: 'string' },
      unit: { type: 'string' },
      text: { type: 'string' },
      actual: { type: 'string', multiple: true },
    });
    if (helpOr(values, io) ) return 0;
    if (sub !== 'set') throw new LedgerError('INVALID_INPUT', 'progress 之后应为 set。用 --help 查看用法。');
    return withBackend(values, io, async (backend) => {
      const record = await call(backend, 'progress.save', {
        projectId: intOption(requireOption(values.project, 'project'), 'project'),
        periodId: intOption(requireOption(values.period, 'period'), 'period'),
        unit: values.unit ?? null,
        narrative: values.text,
        actuals: (values.actual ?? []).map(parseActualOption),
      });
      return print(io, values, record, () => `已保存进展（${record.actuals.length} 个完成值）\n`);
    });
  },};
