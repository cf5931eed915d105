export default {
  title: '设置',
  about: '关于本机数据',
  version: '程序版本',
  schemaVersion: '数据版本',
  dbPath: '数据库文件',
  journalMode: '日志模式',
  journalWal: 'WAL（推荐，断电不丢数据）',
  journalOther: '{{mode}}（网络共享文件夹上无法使用 WAL）',
  backupHint: '升级程序前会自动在数据库旁的 backups 文件夹中备份。拷贝整个文件夹即可迁移到另一台电脑。',
} as const;
