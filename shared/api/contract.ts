/**
 * The one API contract (DESIGN §3). Every method names its input schema (validated at every door)
 * and its output type. The backend implements it once; Electron IPC, the loopback bridge and the CLI
 * are thin adapters over that implementation.
 */
import { z } from 'zod';
import { planLevels, type AppInfo, type PlanSummary, type Plan, type Project } from '../domain';

z.config(z.locales.zhCN());

/** A method's input schema, with its output type carried along as a phantom. */
interface Method<I extends z.ZodType, O> {
  input: I;
  /** Never read: only carries the output type. */
  output?: O;
}
const method = <O>() => <I extends z.ZodType>(input: I): Method<I, O> => ({ input });

const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
const id = z.int('编号应为整数').positive('编号应为正整数');
const name = (label: string, max = 200) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const names = (label: string) => z.array(name(label, 100)).max(50, `${label}最多 50 个`);

export const createPlanInput = z
  .strictObject({
    year: z.int('年度应为整数').min(2000, '年度应在 2000–2100 之间').max(2100, '年度应在 2000–2100 之间'),
    level: z.enum(planLevels, '层级应为 省/市/县/区/乡镇 之一'),
    name: name('计划名称'),
    region: z.string().trim().max(100, '地区名称不能超过 100 个字').default(''),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
  })
  .refine((p) => !p.startDate || !p.endDate || p.startDate <= p.endDate, {
    message: '结束日期不能早于开始日期',
    path: ['endDate'],
  });

const projectFields = {
  title: name('实事名称', 300),
  goal: z.string().trim().max(5000, '年度目标不能超过 5000 个字').default(''),
  section: z.string().trim().max(100).default(''),
  deadline: isoDate.nullable().default(null),
  leadUnits: names('主要责任单位').min(1, '请至少填写一个主要责任单位'),
  supportUnits: names('相关责任单位').default([]),
  responsiblePeople: names('责任人').default([]),
  leaders: names('分管领导').default([]),
};

export const createProjectInput = z.strictObject({
  planId: id,
  seq: id.optional(),
  ...projectFields,
});

export const updateProjectInput = z.strictObject({
  id,
  seq: id.optional(),
  title: projectFields.title.optional(),
  goal: z.string().trim().max(5000).optional(),
  section: z.string().trim().max(100).optional(),
  deadline: isoDate.nullable().optional(),
  leadUnits: projectFields.leadUnits.optional(),
  supportUnits: names('相关责任单位').optional(),
  responsiblePeople: names('责任人').optional(),
  leaders: names('分管领导').optional(),
});

const empty = z.strictObject({});

export const contract = {
  'app.info': method<AppInfo>()(empty),
  'plans.list': method<PlanSummary[]>()(empty),
  'plans.create': method<Plan>()(createPlanInput),
  'projects.list': method<Project[]>()(z.strictObject({ planId: id })),
  'projects.get': method<Project>()(z.strictObject({ id })),
  'projects.create': method<Project>()(createProjectInput),
  'projects.update': method<Project>()(updateProjectInput),
  'directory.units': method<string[]>()(empty),
  'directory.people': method<string[]>()(empty),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller may send (defaults still optional). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = NonNullable<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** The typed API object every UI and test uses, whatever the door. */
export interface LedgerApi {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}
