import * as XLSX from 'xlsx';

/** One project row of a county's progress table: 编号, 工作任务, 责任单位, 责任人, 分管领导, 工作进度. */
export type CountyRow = [seq: number, task: string, units: string, people: string, leader: string, progress: string];

/**
 * A county's monthly progress table as Ye County sends it (seed 004): its title, the office and the as-of date
 * above the header, then one row per project, as an .xlsx written by SheetJS.
 */
export function countyTable(month: number, rows: readonly CountyRow[]): Buffer {
  const aoa: (string | number)[][] = [
    ['2022年省民生实事叶县工作任务推进情况表'],
    ['填报单位：叶县人民政府办公室', '', '', `截至日期：2022年${month}月25日`],
    ['编号', '工作任务', '责任单位', '责任人', '分管领导', '工作进度'],
    ...rows,
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '推进情况表');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
