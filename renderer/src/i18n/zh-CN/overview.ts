export default {
  title: '总览',
  plans: '年度计划',
  projects: '实事项目',
  units: '责任单位',
  currentPlan: '当前计划：{{name}}（{{start}} 至 {{end}}）',
  timeProgress: '时序进度',
  statusPending: '状态判定（已完成 / 持续推进 / 进展缓慢）将在录入指标和进度后显示。',
  goProjects: '查看实事清单',
  welcomeTitle: '欢迎使用民生实事台账',
  welcomeBody: '第一步：新建本年度的民生实事计划；第二步：录入或导入实事项目；第三步：每期导入进度，系统自动判定红黄绿灯，审核签发后导出报送。',
} as const;
