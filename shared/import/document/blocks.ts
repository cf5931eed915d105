/**
 * A document as the understanding reads it: paragraphs (with whether Word marked them as a heading or set them
 * in bold) and tables. Two sources: the HTML mammoth makes of a .docx, and plain text (a .doc's body as
 * word-extractor gives it, or text pasted from a chat app or Word, where a table arrives as tab-separated lines).
 */
import type { MergeRange } from '../grid';

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** 1–6 for a Word heading style; null for body text. */
  heading: number | null;
  /** All of its text is bold: a heading typed as a bold paragraph. */
  bold: boolean;
}

export interface TableBlock {
  kind: 'table';
  rows: string[][];
  merges: MergeRange[];
}

export type DocBlock = ParagraphBlock | TableBlock;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

interface OpenCell {
  text: string[];
  colspan: number;
  rowspan: number;
}

interface OpenTable {
  rows: OpenCell[][];
}

function spanOf(attributes: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  const n = m ? Number(m[1]) : 1;
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** A table's cells laid on a grid: each spanned cell once at its top-left, the span as a merge. */
function tableBlock(table: OpenTable): TableBlock {
  const rows: string[][] = [];
  const merges: MergeRange[] = [];
  const taken = new Set<string>();
  table.rows.forEach((cells, r) => {
    rows[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${r},${c}`)) c++;
      (rows[r] ??= [])[c] = cell.text.join('\n').trim();
      if (cell.colspan > 1 || cell.rowspan > 1) {
        merges.push({ s: { r, c }, e: { r: r + cell.rowspan - 1, c: c + cell.colspan - 1 } });
        for (let dr = 0; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) taken.add(`${r + dr},${c + dc}`);
      }
      c += cell.colspan;
    }
  });
  const width = Math.max(0, ...rows.map((row) => row?.length ?? 0));
  return { kind: 'table', rows: rows.map((row) => Array.from({ length: width }, (_, i) => row?.[i] ?? '')), merges };
}

/**
 * The blocks of mammoth's HTML. Its output is small and regular (p, h1–h6, strong, em, table/tr/td, ol/ul/li,
 * a, br, img, sup, sub), so a tokenizer does; nested tables are read as the text of their cell.
 */
export function blocksFromHtml(html: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  let table: OpenTable | null = null;
  let depth = 0;
  let cell: OpenCell | null = null;
  let paragraph: { tag: string; text: string; boldChars: number; chars: number } | null = null;
  let boldDepth = 0;
  const lists: { ordered: boolean; index: number }[] = [];

  const closeParagraph = (): void => {
    if (!paragraph) return;
    const text = paragraph.text.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (cell) cell.text.push(text);
    else if (text !== '') {
      const level = /^h([1-6])$/.exec(paragraph.tag)?.[1];
      blocks.push({ kind: 'paragraph', text, heading: level ? Number(level) : null, bold: paragraph.chars > 0 && paragraph.boldChars >= paragraph.chars });
    }
    paragraph = null;
  };
  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g;
  for (let m = token.exec(html); m !== null; m = token.exec(html)) {
    const [, closing, rawTag, attributes = '', rawText] = m;
    if (rawText !== undefined) {
      const text = decodeEntities(rawText);
      paragraph ??= { tag: 'p', text: '', boldChars: 0, chars: 0 };
      paragraph.text += text;
      const visible = text.replace(/\s/g, '').length;
      paragraph.chars += visible;
      if (boldDepth > 0) paragraph.boldChars += visible;
      continue;
    }
    const tag = (rawTag ?? '').toLowerCase();
    if (tag === 'strong' || tag === 'b') boldDepth = Math.max(0, boldDepth + (closing ? -1 : 1));
    else if (tag === 'br' && paragraph) paragraph.text += '\n';
    else if (tag === 'ol' || tag === 'ul') {
      closeParagraph();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', index: 0 });
    } else if (blockTags.has(tag)) {
      closeParagraph();
      if (!closing) {
        paragraph = { tag, text: '', boldChars: 0, chars: 0 };
        const list = lists[lists.length - 1];
        // An automatic number is not in the text: written out, so "1、" reads as the typist's would.
        if (tag === 'li' && list?.ordered) paragraph.text = `${++list.index}、`;
      }
    } else if (tag === 'table') {
      if (closing) depth = Math.max(0, depth - 1);
      else depth++;
      if (depth > 1 || (closing && depth > 0)) continue; // a table nested in a cell: its text stays in the cell
      closeParagraph();
      if (!closing) table = { rows: [] };
      else if (table) {
        blocks.push(tableBlock(table));
        table = null;
        cell = null;
      }
    } else if (depth > 1 && (tag === 'tr' || tag === 'td' || tag === 'th')) {
      if (!closing && paragraph) paragraph.text += tag === 'tr' ? '\n' : ' ';
    } else if (tag === 'tr' && !closing) {
      table?.rows.push([]);
    } else if (tag === 'td' || tag === 'th') {
      closeParagraph();
      if (!closing && table) {
        cell = { text: [], colspan: spanOf(attributes, 'colspan'), rowspan: spanOf(attributes, 'rowspan') };
        if (table.rows.length === 0) table.rows.push([]);
        table.rows[table.rows.length - 1]?.push(cell);
      } else if (closing) cell = null;
    }
  }
  closeParagraph();
  if (table) blocks.push(tableBlock(table));
  return blocks;
}

/**
 * The blocks of plain text: one paragraph per line; consecutive lines holding tabs are a table (Word and WPS
 * put a copied table's cells between tabs, and word-extractor writes a .doc's tables the same way).
 */
export function blocksFromText(text: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  let table: string[][] | null = null;
  const flush = (): void => {
    if (table && table.length > 0) {
      table = splitJoinedRows(table);
      const width = Math.max(...table.map((r) => r.length));
      blocks.push({ kind: 'table', rows: table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')), merges: [] });
    }
    table = null;
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    // word-extractor leaves Word's cell marks (BEL) and page breaks in the text.
    const line = [...raw].filter((ch) => ch !== '\u0007' && ch !== '\f' && ch !== '\v').join('');
    if (line.includes('\t') && line.replace(/\t/g, '').trim() !== '') {
      // word-extractor ends each cell with a tab: the last one ends the row, it is no empty cell.
      const cells = line.split('\t').map((c) => c.trim());
      if (line.endsWith('\t')) cells.pop();
      (table ??= []).push(cells);
      continue;
    }
    flush();
    const clean = line.replace(/[ \u00a0]+/g, ' ').trim();
    if (clean !== '') blocks.push({ kind: 'paragraph', text: clean, heading: null, bold: false });
  }
  flush();
  return blocks;
}

/**
 * Rows word-extractor wrote on one line (a table's first row and the next, separated by an empty cell where
 * the row's end was): split at the table's usual width.
 */
function splitJoinedRows(rows: string[][]): string[][] {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  const width = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  if (width < 2) return rows;
  const out: string[][] = [];
  for (const row of rows) {
    let rest = row;
    while (rest.length > width && rest[width] === '') {
      out.push(rest.slice(0, width));
      rest = rest.slice(width + 1);
    }
    out.push(rest);
  }
  return out;
}
