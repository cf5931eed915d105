/**
 * The bulletin model (shared/bulletin) written as a .docx in 公文 format, GB/T 9704-2012: A4 portrait, margins
 * 37/35/28/26 mm, 28 characters × 22 lines on a character grid, title 2号 小标宋, body 3号 仿宋, 一、 in 黑体, （一） in
 * 楷体, page numbers "— 1 —" in 4号 宋体 at the outside edge. Word and WPS open it without LibreOffice.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  convertMillimetersToTwip,
  type IParagraphOptions,
} from 'docx';
import type { Block, BulletinDocument, Run } from '../../../shared/bulletin/types';
import { fontTableXml, fonts } from './bulletin-fonts';

const pt = (n: number) => n * 2; // docx sizes are in half-points
const size = { title: pt(22), body: pt(16), pageNumber: pt(14), masthead: pt(48), record: pt(14) };
const red = 'FF0000';

const margin = { top: 37, bottom: 35, left: 28, right: 26 };
const textWidth = convertMillimetersToTwip(210 - margin.left - margin.right);
/**
 * 225 mm high / 22 lines = 28.95 pt a line (579 twips), as Word's 公文 templates set it: every paragraph's line is exactly
 * that. The section records the pitch without snapping to it, because LibreOffice's line grid gives any line taller than
 * the pitch (the 2号 title) two grid lines, where Word and WPS keep the exact spacing.
 */
const linePitch = 579;
/**
 * 版心 156 mm wide holds 28 characters of 3号 at a pitch of 15.75 pt, a quarter point under the font's own 16 pt.
 * Word's character grid (linesAndChars with a charSpace) would say the same, but LibreOffice lays a non-zero
 * charSpace out at about 17 characters a line; a run's character spacing reads the same in Word, WPS and LibreOffice.
 */
const bodySpacing = -5;
const twoChars = 640;
/** Every paragraph that sets its own spacing repeats the line rule: LibreOffice does not inherit it attribute by attribute. */
const exact = { line: linePitch, lineRule: 'exact' } as const;

/** The Chinese font for Chinese text; digits and Latin letters in Times New Roman, as 公文 templates set them. */
const font = (name: keyof typeof fonts) => ({ ascii: latin, hAnsi: latin, eastAsia: fonts[name].name, cs: latin });
const latin = 'Times New Roman';

function runs(list: readonly Run[], extra: { font?: keyof typeof fonts; size?: number } = {}): TextRun[] {
  return list.map(
    (r) =>
      new TextRun({
        text: r.text,
        bold: r.bold ?? false,
        characterSpacing: extra.size ? 0 : bodySpacing,
        // Larger type would take two lines of the grid in LibreOffice: it keeps its own exact line instead.
        ...(extra.size ? { snapToGrid: false } : {}),
        ...(extra.font ? { font: font(extra.font) } : {}),
        ...(extra.size ? { size: extra.size } : {}),
      }),
  );
}

const body = (children: TextRun[], options: Partial<IParagraphOptions> = {}) =>
  new Paragraph({ children, indent: { firstLine: twoChars, firstLineChars: 200 }, alignment: AlignmentType.JUSTIFIED, ...options });

function masthead(block: Extract<Block, { kind: 'masthead' }>): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 120, line: 1200, lineRule: 'exact' },
      children: [new TextRun({ text: block.name, color: red, size: size.masthead, font: font('title'), characterSpacing: 200 })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240, ...exact }, children: runs([{ text: block.issue }]) }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 16, color: red, space: 6 } },
      spacing: { after: 480, ...exact },
      children: [new TextRun({ text: block.issuer }), new TextRun({ text: `\t${block.date}` })],
    }),
  ];
}

function paragraphs(block: Block): Paragraph[] {
  switch (block.kind) {
    case 'masthead':
      return masthead(block);
    case 'title':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: linePitch, ...exact }, children: runs([{ text: block.text }], { font: 'title', size: size.title }) })];
    case 'heading1':
      return [body(runs([{ text: block.text }], { font: 'heading1' }), { keepNext: true })];
    case 'heading2':
      return [body(runs([{ text: block.text }], { font: 'heading2' }), { keepNext: true })];
    case 'item':
      return [body(runs(block.runs), { keepNext: true })];
    case 'paragraph':
      return [body(runs(block.runs))];
    case 'signature':
      return block.lines.map(
        (line, i) => new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 2 * twoChars }, spacing: { before: i === 0 ? linePitch : 0, ...exact }, children: runs([{ text: line }]) }),
      );
    case 'distribution':
      return [
        new Paragraph({
          spacing: { before: 2 * linePitch, ...exact },
          indent: { left: 320, right: 320, hanging: 0 },
          border: {
            top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
            bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 },
          },
          children: runs([{ text: block.label + block.text }], { size: size.record }),
        }),
      ];
  }
}

/** "— 1 —" one character in from the outside edge: odd pages right, even pages left. */
function pageNumberFooter(alignment: 'right' | 'left'): Footer {
  const edge = alignment === 'right' ? { right: 280 } : { left: 280 };
  const run = (text: string) => new TextRun({ text, size: size.pageNumber, font: font('pageNumber') });
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: edge,
        children: [run('— '), new TextRun({ children: [PageNumber.CURRENT], size: size.pageNumber, font: font('pageNumber') }), run(' —')],
      }),
    ],
  });
}

export function bulletinDocx(document: BulletinDocument, meta: { creator: string }): Document {
  return new Document({
    creator: meta.creator || '民生实事台账',
    title: document.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font('body'), size: size.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: linePitch, lineRule: 'exact', before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(margin.top),
              bottom: convertMillimetersToTwip(margin.bottom),
              left: convertMillimetersToTwip(margin.left),
              right: convertMillimetersToTwip(margin.right),
              header: convertMillimetersToTwip(15),
              footer: convertMillimetersToTwip(23),
            },
          },
          grid: { type: DocumentGridType.DEFAULT, linePitch },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: document.blocks.flatMap(paragraphs),
      },
    ],
  });
}

export async function writeBulletinDocx(document: BulletinDocument, meta: { creator: string }): Promise<Uint8Array> {
  return Packer.toBuffer(bulletinDocx(document, meta), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
