import ExcelJS from 'exceljs';
import { seedTexts } from '../unit/text/seedCases';

/**
 * Text-only progress tables as offices exchange them, built with ExcelJS from a seed's own words: no
 * indicator columns, only the name, the goal or task in sentences, the lead unit and the progress.
 */
const layouts = {
  // 2021年前三季度区重点民生实事进展情况的通报: 年度目标 in sentences.
  '000': { title: '2021年前三季度区重点民生实事进展情况', asOf: '截至2021年9月30日', goal: '年度目标', lead: '主要责任单位' },
  // 关于1-9月份全区2022年重点民生实事进展情况的通报: 主要任务 only for the three projects behind.
  '002': { title: '关于1-9月份全区2022年重点民生实事进展情况的通报', asOf: '截至2022年9月30日', goal: '主要任务', lead: '牵头单位' },
} as const;

export async function writeSeedTable(file: string, prefix: keyof typeof layouts): Promise<number> {
  const layout = layouts[prefix];
  const rows = seedTexts().filter((c) => c.id.startsWith(`${prefix}-`));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('进展情况');
  sheet.addRow([layout.title]);
  sheet.mergeCells(1, 1, 1, 5);
  sheet.addRow([layout.asOf]);
  sheet.addRow(['序号', '实事名称', layout.goal, layout.lead, '完成情况']);
  rows.forEach((r, i) => sheet.addRow([i + 1, r.title ?? '', prefix === '002' ? (r.task ?? '') : r.goal, r.leadUnit ?? '', r.progress]));
  sheet.columns.forEach((c, i) => (c.width = [6, 30, 50, 20, 70][i] ?? 12));
  await workbook.xlsx.writeFile(file);
  return rows.length;
}
