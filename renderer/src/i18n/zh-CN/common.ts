export default {
  appName: '民生实事台账',
  save: '保存',
  cancel: '取消',
  create: '新建',
  edit: '编辑',
  close: '关闭',
  retry: '重试',
  loading: '正在加载…',
  saved: '已保存',
  loadFailed: '加载失败：{{message}}',
  levels: { province: '省级', city: '市级', county: '县级', district: '区级', township: '乡镇级' },
  skipToContent: '跳到主要内容',
} as const;
