/** Above the header: the title (over one or two lines), the 截至 date, the 填报单位 and "单位：万元". */
import { normalizeName } from '../names';
import { findAsOf, findPeriods, foldWidth, parseDatePhrase } from '../text';
import { distinct } from './cells';

/** Lines that belong above a table, never in its header: 填报单位, 截至, 附件. */
export const preambleLine = /填报单位|报送单位|上报单位|截[至止]|填报日期|统计时间|附件|附表/;

export interface Preamble {
  title: string | null;
  asOf: string | null;
  reportingUnit: string | null;
  documentDate: string | null;
  /** "单位：万元" above the table: the unit of its figures where a cell names none. */
  measureUnit: string;
}

/** The year a text names (2022年, 2022-09-30), or null. */
export function yearIn(value: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(foldWidth(value)) ?? /((?:19|20)\d{2})[-/.]\d{1,2}[-/.]\d{1,2}/.exec(foldWidth(value));
  return m ? Number(m[1]) : null;
}

/** A date as written in a cell or a line (2022-09-30, 2022年9月30日, 9月底), in ISO, or null. */
export function looseDate(value: string, year: number): string | null {
  const t = foldWidth(value).trim();
  const m = /^((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return parseDatePhrase(t, year);
}

/** Title, 截至 date, 填报单位 and the figures' unit, from the rows above the header. */
export function readPreamble(rows: readonly string[][], options: { year?: number }): Preamble {
  const lines = rows.map((r) => distinct(r));
  const all = lines.flat();
  const year = options.year ?? all.map(yearIn).find((y) => y !== null) ?? 0;
  let reportingUnit: string | null = null;
  let asOf: string | null = null;
  for (const line of lines) {
    for (const [i, value] of line.entries()) {
      const next = line[i + 1] ?? '';
      if (reportingUnit === null) {
        const m = /(?:填报|报送|上报)单位\s*(?:[（(][^（）()]*[）)])?\s*[:：]?\s*(.*)$/s.exec(value);
        if (m) {
          let rest = (m[1] ?? '').split(/\s{2,}|\n|截[至止]|填报日期|日期[:：]|时间[:：]/)[0]?.trim() ?? '';
          if (rest === '') rest = next.split(/\s{2,}|\n/)[0]?.trim() ?? '';
          rest = rest.replace(/[（(]\s*(盖章|公章|签章)\s*[）)]/g, '').replace(/^[:：\s]+/, '').trim();
          if (rest !== '' && !preambleLine.test(rest)) reportingUnit = normalizeName(rest);
        }
      }
      if (asOf === null && /截[至止]|统计时间|数据时间/.test(value)) {
        const found = findAsOf(value, year);
        if (found?.date) asOf = found.date;
        else {
          const m = /(?:截[至止](?:日期|时间)?|统计时间|数据时间)\s*[:：]?\s*(.*)$/s.exec(value);
          const rest = (m?.[1] ?? '').trim() || next;
          asOf = rest ? looseDate(rest, year || (yearIn(rest) ?? 0)) : null;
        }
      }
    }
  }
  let title: string | null = null;
  let titleLine = -1;
  for (const [index, line] of lines.entries()) {
    for (const value of line) {
      const clean = normalizeName(value.replace(/\n/g, ' '));
      if ([...clean].length < 4 || /^(附件|附表)\s*\d*$/.test(clean) || /(填报|报送|上报)单位|截[至止]日期|填报日期|^单位[:：]/.test(clean)) continue;
      if (title === null || (/表|情况|实事|台账|清单|计划|任务/.test(clean) && !/表|情况|实事|台账|清单|计划|任务/.test(title))) {
        title = clean;
        titleLine = index;
      }
    }
  }
  // A title set over two lines ("某某县2023年重点民生实事" / "项目推进情况统计表（1-9月）") is one title.
  const nextLine = lines[titleLine + 1];
  if (title !== null && !/表$/.test(title) && nextLine?.length === 1) {
    const more = normalizeName((nextLine[0] ?? '').replace(/\n/g, ' '));
    if (/(表|情况|统计|台账|清单)/.test(more) && !/(填报|报送|上报)单位|截[至止]|^单位[:：]/.test(more)) title = `${title}${more}`;
  }
  const unitNote = all.map((v) => /^(?:计量)?单位\s*[:：]\s*([^\s，,；;]{1,4})$/.exec(normalizeName(v))?.[1]).find((u) => u !== undefined);
  if (asOf === null && title) {
    const fromTitle = findAsOf(title, year)?.date ?? null;
    const periods = year ? findPeriods(title, year) : [];
    asOf = fromTitle ?? periods[periods.length - 1]?.end ?? null;
  }
  const issued = all.map((v) => /^(?:成文|填报|报送|印发)(?:日期|时间)\s*[:：]\s*(.+)$/.exec(v.trim())?.[1]).find((v) => v !== undefined);
  const documentDate = issued ? looseDate(issued, year || (yearIn(issued) ?? 0)) : null;
  return { title, asOf, reportingUnit, documentDate, measureUnit: unitNote ?? '' };
}
