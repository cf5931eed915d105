import type { Light, StatusClass } from './types';

/** Chinese names as bulletins use them (已完成 / 持续推进 / 进展缓慢 …). */
export const statusLabels: Readonly<Record<StatusClass, string>> = {
  completed: '已完成',
  onTrack: '持续推进',
  lagging: '进展缓慢',
  overdue: '逾期',
  notStarted: '未开始',
  missingReport: '未报送',
  manual: '待人工判定',
};

export const lightLabels: Readonly<Record<Light, string>> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  none: '无灯',
};
