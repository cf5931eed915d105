export default {
  overview: '总览',
  projects: '实事清单',
  import: '导入',
  export: '导出与签发',
  settings: '设置',
  menu: '导航菜单',
} as const;
