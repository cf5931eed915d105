import { lightLabels, statusLabels } from '../../../../shared/status/labels';

export default {
  // The engine's own Chinese names, so the screen and the reasons never disagree.
  classes: statusLabels,
  lights: lightLabels,
  completion: '完成率',
  timeProgress: '时序进度',
  status: '状态',
  asOf: '截至日期',
  preset: '判定规则',
  presetVersion: '{{name}}（第 {{version}} 版）',
  overridden: '人工改判',
  /** After a class set by hand, on its chip. */
  overriddenMark: '（人工）',
  computedWas: '按规则应为“{{status}}”',
  noCompletion: '—',
} as const;
