import type { ImportField } from '../types/preview';

/** The importer's own names for the fields, alone in a module: the app's strings import them without the importer. */
export const fieldLabels: Readonly<Record<ImportField, string>> = {
  seq: '编号',
  project: '实事名称',
  section: '分类',
  task: '工作任务',
  leadUnits: '主要责任单位',
  supportUnits: '相关责任单位',
  responsiblePeople: '责任人',
  leaders: '分管领导',
  progress: '工作进度',
  target: '目标值',
  unit: '计量单位',
  actual: '完成值',
  rate: '完成率',
  indicator: '指标',
  remark: '备注',
  deadline: '完成时限',
};
