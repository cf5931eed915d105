/**
 * A document as a table: the grid the table understanding reads, so a document goes through the same preview,
 * mapping check, diff, commit, undo and department profile as a spreadsheet. One row per task with its
 * project repeated (a project without tasks is one row); the title, 截至 date and date of issue above the
 * header, as a department's table has them. A table inside the document (a 附件) is the table itself.
 */
import { LedgerError } from '../../errors';
import type { Grid } from '../grid';
import { findHeader } from '../header-row';
import type { DocBlock, ParagraphBlock, TableBlock } from './blocks';
import { numberedItems } from './labels';
import { documentOutline, type DocumentOutline, type OutlineProject } from './outline';

export interface DocumentGrid {
  grid: Grid;
  outline: DocumentOutline;
  /** 'outline': read from headings and labelled lines; 'table': a table inside the document. */
  source: 'outline' | 'table' | 'lines';
}

const header = ['序号', '实事名称', '工作任务', '主要责任单位', '相关责任单位', '分管领导', '责任人', '进展情况', '完成时限'] as const;

function chineseDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

function preambleRows(outline: DocumentOutline): string[][] {
  const rows: string[][] = [];
  if (outline.title) rows.push([outline.title]);
  if (outline.asOf) rows.push([`截至日期：${chineseDate(outline.asOf)}`]);
  if (outline.documentDate) rows.push([`成文日期：${chineseDate(outline.documentDate)}`]);
  return rows;
}

function projectRows(project: OutlineProject): string[][] {
  const row = (task: string, lead: string, support: string, progress: string): string[] => [
    project.seq,
    project.name,
    task,
    lead,
    support,
    project.leaders,
    project.people,
    progress,
    project.deadline,
  ];
  if (project.tasks.length > 0) {
    const own = project.tasks.map((t) => row(t.text, t.lead || project.lead, t.support || project.support, t.progress || project.progress));
    return project.goal !== '' ? [row(project.goal, project.lead, project.support, project.progress), ...own] : own;
  }
  const items = numberedItems(project.goal);
  if (items.length === 0) return [row('', project.lead, project.support, project.progress)];
  return items.map((item) => row(item, project.lead, project.support, project.progress));
}

/** The first table in the document with a header the table importer recognises. */
function tableWithHeader(blocks: readonly DocBlock[]): TableBlock | null {
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    try {
      findHeader(block.rows, undefined, undefined);
      return block;
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
    }
  }
  return null;
}

export function documentGrid(blocks: readonly DocBlock[], options: { year?: number } = {}): DocumentGrid {
  const paragraphs = blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
  const outline = documentOutline(paragraphs, options);
  const table = tableWithHeader(blocks);
  if (table) {
    // Above the table: what follows its 附件 line (the attachment's own title), else the last few lines.
    const above = blocks.slice(0, blocks.indexOf(table)).filter((b): b is ParagraphBlock => b.kind === 'paragraph');
    const attachment = above.findLastIndex((p) => /^附件\s*\d*$/.test(p.text.trim()));
    const before = [...(attachment >= 0 ? above.slice(attachment + 1) : above.slice(-4))];
    if (outline.documentDate && !before.some((p) => /日期|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/.test(p.text))) {
      before.push({ kind: 'paragraph', text: `成文日期：${chineseDate(outline.documentDate)}`, heading: null, bold: false });
    }
    const offset = before.length;
    return {
      grid: {
        cells: [...before.map((p) => [p.text]), ...table.rows],
        merges: table.merges.map((m) => ({ s: { r: m.s.r + offset, c: m.s.c }, e: { r: m.e.r + offset, c: m.e.c } })),
      },
      outline,
      source: 'table',
    };
  }
  if (outline.projects.length > 0) {
    const above = preambleRows(outline);
    const rows = outline.projects.flatMap(projectRows);
    // Columns nothing was written in are left out, so the mapping shows only what the document had.
    const used = header.map((_, c) => c < 5 || c === 7 || rows.some((r) => (r[c] ?? '') !== ''));
    const keep = (r: string[]): string[] => r.filter((_, c) => used[c]);
    return { grid: { cells: [...above, keep([...header]), ...rows.map(keep)], merges: [] }, outline, source: 'outline' };
  }
  // Neither headings nor a table: the lines as they are, one a row (a list pasted under a header, say).
  return { grid: { cells: blocks.flatMap((b) => (b.kind === 'paragraph' ? [[b.text]] : b.rows)), merges: [] }, outline, source: 'lines' };
}
