/**
 * The one API contract (DESIGN §3). Every method names its input schema (validated at every door)
 * and its output type. The backend implements it once; Electron IPC, the loopback bridge and the CLI
 * are thin adapters over that implementation.
 */
import { z } from 'zod';
import {
  comparators,
  indicatorKinds,
  periodKinds,
  planLevels,
  type AppInfo,
  type BackupInfo,
  type Backups,
  type ExportedFile,
  type HistoryEntry,
  type OfficeKeyInfo,
  type SignOffCheck,
  type SignOffRevision,
  type TrustedOffice,
  type VerifyReport,
  type ImportBatch,
  type ImportDiff,
  type ImportPreview,
  type ImportStage,
  type Indicator,
  type Period,
  type Plan,
  type PlanSummary,
  type ReceivedTable,
  type ProgressRecord,
  type Project,
  type Settings,
  type StatusReport,
  type Task,
  type UnitEntry,
  type RecoveryState,
  type KeyFileInfo,
  type SignOffNames,
} from '../domain';
import { importFields } from '../import/headers';
import { inYear, name, quantity, rateTargetFits, rateTargetMessage, reported, text } from './fields';
import { statusClasses } from '../status/types';
import type { RulePreset } from '../status/presets';
import { optionalColumns, type PeriodSnapshot } from '../snapshot';
import type { ConsolidatedTable } from '../consolidate';
import { bulletinTemplates, type BulletinDraft } from '../bulletin/types';

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
const names = (label: string) => z.array(name(label, 100)).max(50, `${label}最多 50 个`);

export const createPlanInput = z
  .strictObject({
    year: z.int('年度应为整数').min(2000, '年度应在 2000–2100 之间').max(2100, '年度应在 2000–2100 之间'),
    level: z.enum(planLevels, '层级应为 省/市/县/区/乡镇 之一'),
    name: name('计划名称'),
    region: text('地区名称', 100).default(''),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
  })
  .refine((p) => !p.startDate || !p.endDate || p.startDate <= p.endDate, {
    message: '结束日期不能早于开始日期',
    path: ['endDate'],
  })
  .refine((p) => inYear(p.startDate, p.year), { message: '开始日期应在计划年度之内', path: ['startDate'] })
  .refine((p) => inYear(p.endDate, p.year), { message: '结束日期应在计划年度之内', path: ['endDate'] });

export const updatePlanInput = z
  .strictObject({
    id,
    level: z.enum(planLevels, '层级应为 省/市/县/区/乡镇 之一').optional(),
    name: name('计划名称').optional(),
    region: text('地区名称', 100).optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
  })
  .refine((p) => !p.startDate || !p.endDate || p.startDate <= p.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });

const projectFields = {
  title: name('实事名称', 300),
  goal: text('年度目标', 5000).default(''),
  section: text('分类', 100).default(''),
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
  goal: text('年度目标', 5000).optional(),
  section: text('分类', 100).optional(),
  deadline: isoDate.nullable().optional(),
  leadUnits: projectFields.leadUnits.optional(),
  supportUnits: names('相关责任单位').optional(),
  responsiblePeople: names('责任人').optional(),
  leaders: names('分管领导').optional(),
});

const indicatorFields = {
  name: name('指标名称'),
  kind: z.enum(indicatorKinds, '指标类型应为 数量/比率/金额/长度/节点 之一'),
  comparator: z.enum(comparators, '比较方式应为 ≥、≤ 或 =').default('>='),
  target: quantity('目标值').nullable().default(null),
  unit: text('计量单位', 20).default(''),
  approximate: z.boolean().default(false),
  deadline: isoDate.nullable().default(null),
};

export const createIndicatorInput = z
  .strictObject({ projectId: id, ...indicatorFields })
  .refine(rateTargetFits, { message: rateTargetMessage, path: ['target'] });

export const updateIndicatorInput = z.strictObject({
  id,
  name: indicatorFields.name.optional(),
  kind: indicatorFields.kind.optional(),
  comparator: z.enum(comparators).optional(),
  target: quantity('目标值').nullable().optional(),
  unit: text('计量单位', 20).optional(),
  approximate: z.boolean().optional(),
  deadline: isoDate.nullable().optional(),
});

export const createPeriodInput = z.strictObject({
  planId: id,
  kind: z.enum(periodKinds, '报送期类型应为 月/季/半年/年/自定义 之一'),
  asOf: isoDate,
  startDate: isoDate.optional(),
  label: text('报送期名称', 50).optional(),
});

export const saveProgressInput = z.strictObject({
  projectId: id,
  periodId: id,
  /** Null: the project as a whole. */
  unit: name('填报单位', 100).nullable().default(null),
  narrative: text('进展情况', 20000).default(''),
  actuals: z
    .array(
      z.strictObject({
        indicatorId: id,
        actual: reported('完成值').nullable(),
        sourceText: text('原文', 2000).default(''),
      }),
    )
    .max(200)
    .default([]),
});

export const statusInput = z.strictObject({
  planId: id,
  asOf: isoDate.optional(),
  preset: z.string().trim().min(1).max(50).optional(),
});

export const overrideInput = z.strictObject({
  projectId: id,
  /** The period the override belongs to; by default the one due today. It never applies to another period. */
  periodId: id.optional(),
  status: z.enum(statusClasses, '状态不在可选范围内'),
  reason: text('改判理由', 2000).refine((v) => v.length >= 2, '请写明改判的理由'),
});

export const customPresetInput = z.strictObject({
  kind: z.enum(['gap', 'ratio']),
  yellowGap: z.number('请填写 0 到 100 之间的数字').min(0, '不能小于 0').max(100, '不能大于 100').optional(),
  redGap: z.number('请填写 0 到 100 之间的数字').min(0, '不能小于 0').max(100, '不能大于 100').optional(),
  yellowBelow: z.number('请填写 0 到 1 之间的数字').min(0, '不能小于 0').max(1, '不能大于 1').optional(),
  redBelow: z.number('请填写 0 到 1 之间的数字').min(0, '不能小于 0').max(1, '不能大于 1').optional(),
});

export const updateSettingsInput = z.strictObject({
  userName: text('姓名', 50).optional(),
  officeName: text('单位名称', 100).optional(),
  officeLevel: z.enum(planLevels, '请选择本单位的层级').optional(),
  officeRegion: text('地区', 50).optional(),
  presetName: z.string().trim().min(1).max(50).optional(),
});

export const saveTaskInput = z.strictObject({
  projectId: id,
  /** Present when editing a task. */
  id: id.optional(),
  title: name('任务内容', 2000),
  goal: text('任务目标', 5000).default(''),
  deadline: isoDate.nullable().default(null),
  leadUnits: names('责任单位').default([]),
});

/** What each column of an imported table holds (the importer's list); the user may correct its guess. */
export { importFields };

const columnMapping = z.strictObject({
  index: z.int().min(0).max(1000),
  header: z.string().max(500),
  field: z.enum(importFields).nullable(),
  confidence: z.number().min(0).max(1),
});

const importView = {
  stagingId: z.string().min(1).max(64),
  sheet: z.string().max(200).optional(),
  headerRow: z.int('表头行应为整数').positive('表头行应从 1 开始').max(1000).optional(),
  mapping: z.array(columnMapping).max(1000).optional(),
};

export const importTargetInput = z.strictObject({
  ...importView,
  planId: id.optional(),
  asOf: isoDate.optional(),
});

/** Which of the figures read from the words to write (issue #10): 'all', or per row by key, numbers as edited. */
const figureAcceptance = z.union([
  z.literal('all'),
  z
    .array(
      z.strictObject({
        sourceRow: z.int().positive().max(10_000_000),
        targets: z.array(z.strictObject({ key: z.string().max(20), target: z.number().min(0, '目标值不能为负数').max(1e13).nullable().optional() })).max(500),
        actuals: z.array(z.strictObject({ key: z.string().max(20), value: z.number().min(0, '完成值不能为负数').max(1e13).optional() })).max(500),
        stated: z.boolean(),
      }),
    )
    .max(200_000),
]);

export const importCommitInput = z.strictObject({
  ...importView,
  planId: id.optional(),
  asOf: isoDate.optional(),
  figures: figureAcceptance.optional(),
});

/** Base64 of at most 100 MB of file. */
export const maxStagedBase64 = 140_000_000;
/** The same 100 MB as bytes: the desktop app hands the file itself over IPC (structured clone), not base64. */
export const maxStagedBytes = 100 * 1024 * 1024;

const person = (label: string) => name(label, 50);
const fileContent = { fileName: name('文件名', 260), contentBase64: z.string().max(maxStagedBase64, '文件超过 100 MB') };

const empty = z.strictObject({});

/** 生成通报: every choice optional; what is left out comes from the last bulletin or a sensible default. */
export const bulletinInput = z.strictObject({
  periodId: id,
  revision: id.optional(),
  template: z.enum(bulletinTemplates, '模板应为 督查通报、进展通报 或 进展报告 之一').optional(),
  issue: z.int('期号应为整数').positive('期号应为正整数').max(9999, '期号不能超过 9999').optional(),
  date: isoDate.optional(),
  issuer: z.string().trim().max(100, '发文机关不能超过 100 个字').optional(),
  requirements: z.string().trim().max(10000, '工作要求不能超过 10000 个字').optional(),
  distribution: z.string().trim().max(2000, '本期发不能超过 2000 个字').optional(),
});

export const contract = {
  'app.info': method<AppInfo>()(empty),
  'backups.list': method<Backups>()(empty),
  'backups.create': method<BackupInfo>()(empty),
  'backups.restore': method<BackupInfo>()(z.strictObject({ file: name('备份文件名', 260) })),
  'plans.list': method<PlanSummary[]>()(empty),
  'plans.create': method<Plan>()(createPlanInput),
  'projects.list': method<Project[]>()(z.strictObject({ planId: id })),
  'projects.get': method<Project>()(z.strictObject({ id })),
  'projects.create': method<Project>()(createProjectInput),
  'projects.update': method<Project>()(updateProjectInput),
  'projects.delete': method<Project>()(z.strictObject({ id })),
  'projects.restore': method<Project>()(z.strictObject({ id })),
  'directory.units': method<string[]>()(empty),
  'directory.people': method<string[]>()(empty),
  'units.list': method<UnitEntry[]>()(empty),
  'units.addAlias': method<UnitEntry>()(z.strictObject({ unitId: id, alias: name('别名', 100) })),
  'units.merge': method<UnitEntry>()(z.strictObject({ fromId: id, intoId: id }).refine((v) => v.fromId !== v.intoId, '不能把单位合并到它自己')),
  'plans.update': method<Plan>()(updatePlanInput),
  'plans.delete': method<Plan>()(z.strictObject({ id })),
  'plans.restore': method<Plan>()(z.strictObject({ id })),
  'projects.history': method<HistoryEntry[]>()(z.strictObject({ id })),
  'tasks.list': method<Task[]>()(z.strictObject({ projectId: id })),
  'tasks.save': method<Task>()(saveTaskInput),
  'tasks.delete': method<Task>()(z.strictObject({ id })),
  'import.stage': method<ImportStage>()(
    z
      .strictObject({
        fileName: name('文件名', 260),
        contentBase64: z.string().max(maxStagedBase64, '文件超过 100 MB，不能导入').optional(),
        // The desktop app (IPC) and the command line (in process) hand the bytes over; JSON (the loopback bridge) cannot
        // carry bytes, so it sends base64.
        content: z
          .instanceof(Uint8Array, { message: '文件内容应为字节' })
          .refine((bytes) => bytes.byteLength <= maxStagedBytes, '文件超过 100 MB，不能导入')
          .optional(),
        // The sheet the next step reads (`ledger import --sheet`); its parse begins as the file is staged.
        sheet: importView.sheet,
      })
      .refine((v) => (v.contentBase64 === undefined) !== (v.content === undefined), '请提供文件内容（只提供一种形式）'),
  ),
  // `allRows`: every row of the table rather than its first (`ledger import --dry-run` lists them all).
  'import.preview': method<ImportPreview>()(z.strictObject({ ...importView, allRows: z.boolean().optional() })),
  'import.diff': method<ImportDiff>()(importTargetInput),
  'import.commit': method<ImportBatch>()(importCommitInput),
  'import.batches': method<ImportBatch[]>()(z.strictObject({ planId: id.optional() })),
  'import.undo': method<ImportBatch>()(z.strictObject({ batchId: id })),
  'signoff.list': method<SignOffRevision[]>()(z.strictObject({ periodId: id })),
  'signoff.prepare': method<SignOffRevision>()(
    z.strictObject({ periodId: id, preparer: person('填表人'), columns: z.array(z.enum(optionalColumns)).max(3).default([]) }),
  ),
  'signoff.review': method<SignOffRevision>()(z.strictObject({ id, reviewer: person('审核人') })),
  'signoff.sign': method<SignOffRevision>()(z.strictObject({ id, signer: person('签发领导') })),
  'signoff.revise': method<SignOffRevision>()(
    z.strictObject({ periodId: id, reason: text('更正原因', 500).refine((v) => v.length >= 2, '请写明更正的原因') }),
  ),
  'signoff.snapshot': method<PeriodSnapshot>()(z.strictObject({ id })),
  'signoff.check': method<SignOffCheck>()(z.strictObject({ periodId: id })),
  'export.period': method<ExportedFile>()(
    z.strictObject({ periodId: id, revision: id.optional(), format: z.enum(['xlsx', 'csv'], '导出格式应为 xlsx 或 csv').default('xlsx') }),
  ),
  'verify.file': method<VerifyReport>()(z.strictObject(fileContent)),
  'consolidate.add': method<ReceivedTable>()(z.strictObject(fileContent)),
  'consolidate.list': method<ReceivedTable[]>()(empty),
  'consolidate.remove': method<{ removed: number }>()(z.strictObject({ id })),
  'consolidate.view': method<ConsolidatedTable>()(z.strictObject({ ids: z.array(id).min(1, '请先选择要汇总的下级报表').max(200) })),
  'consolidate.export': method<ExportedFile>()(z.strictObject({ ids: z.array(id).min(1, '请先选择要汇总的下级报表').max(200) })),
  'keys.info': method<OfficeKeyInfo>()(empty),
  'keys.trusted': method<TrustedOffice[]>()(empty),
  'keys.trustSeal': method<TrustedOffice>()(z.strictObject(fileContent)),
  'keys.trust': method<TrustedOffice>()(
    z.strictObject({ keyFile: z.string().min(1, '请选择密钥文件').max(20000, '这不是台账的密钥文件'), office: name('单位名称', 100).optional() }),
  ),
  'indicators.list': method<Indicator[]>()(z.strictObject({ projectId: id })),
  'indicators.create': method<Indicator>()(createIndicatorInput),
  'indicators.update': method<Indicator>()(updateIndicatorInput),
  'indicators.delete': method<Indicator>()(z.strictObject({ id })),
  'periods.list': method<Period[]>()(z.strictObject({ planId: id })),
  'periods.create': method<Period>()(createPeriodInput),
  'progress.get': method<ProgressRecord>()(z.strictObject({ projectId: id, periodId: id })),
  'progress.save': method<ProgressRecord>()(saveProgressInput),
  'status.plan': method<StatusReport>()(statusInput),
  'status.override': method<StatusReport['projects'][number]['override']>()(overrideInput),
  'status.clearOverride': method<{ cleared: number }>()(z.strictObject({ projectId: id, periodId: id.optional() })),
  'presets.list': method<RulePreset[]>()(empty),
  'presets.saveCustom': method<RulePreset>()(customPresetInput),
  'settings.get': method<Settings>()(empty),
  'settings.update': method<Settings>()(updateSettingsInput),
  'bulletin.draft': method<BulletinDraft>()(z.strictObject({ periodId: id, revision: id.optional() })),
  'bulletin.write': method<ExportedFile>()(bulletinInput),
  'app.recovery': method<RecoveryState>()(empty),
  'keys.inspect': method<KeyFileInfo>()(z.strictObject({ keyFile: z.string().min(1, '请选择密钥文件').max(20000, '这不是台账的密钥文件') })),
  'signoff.lastNames': method<SignOffNames>()(empty),
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
