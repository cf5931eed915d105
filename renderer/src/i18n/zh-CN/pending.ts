export default {
  importTitle: '导入部门报送表',
  importBody: '导入 Excel（.xlsx/.xls）、WPS、ODS 和 CSV 进度表的向导正在开发中，尚不可用。目前可在“实事清单”中逐项录入。',
  exportTitle: '导出与签发',
  exportBody: '审核、签发和导出盖章报表的功能正在开发中，尚不可用。',
} as const;
