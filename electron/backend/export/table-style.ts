import type { Alignment, Borders, Font, PageSetup, Style } from 'exceljs';

/**
 * Fonts: every cell names one font, so the names are ones Windows (since 7), WPS and Office all ship:
 * 黑体 (SimHei) for the title and the header row, as county tables set them; 仿宋 (FangSong) for the body,
 * the face of official documents (GB/T 9704). LibreOffice on Linux substitutes Noto Sans/Serif CJK, whose
 * wider line spacing the row heights allow for (row-height.ts).
 */
export const titleFontPt = 18;
export const bodyFontPt = 12;
export const headerFontPt = 12;

const titleFont: Partial<Font> = { name: '黑体', size: titleFontPt, charset: 134 };
const headerFont: Partial<Font> = { name: '黑体', size: headerFontPt, charset: 134 };
const bodyFont: Partial<Font> = { name: '仿宋', size: bodyFontPt, charset: 134 };

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const allBorders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const align = (horizontal: Alignment['horizontal'], vertical: Alignment['vertical'] = 'middle', indent = 0): Partial<Alignment> => ({
  horizontal,
  vertical,
  wrapText: true,
  ...(indent ? { indent } : {}),
});

/** Left-aligned text one indent from the border, as a typed table is set: text against the rule is hard to read. */
export const textIndent = 1;

/** Shared style objects: one per kind of cell, so 100,000 cells do not mean 100,000 style objects. */
export const styles = {
  title: { font: titleFont, alignment: align('center') },
  office: { font: bodyFont, alignment: { horizontal: 'left', vertical: 'middle' } },
  asOf: { font: bodyFont, alignment: { horizontal: 'right', vertical: 'middle' } },
  header: { font: headerFont, alignment: align('center'), border: allBorders },
  cellLeft: { font: bodyFont, alignment: align('left', 'middle', textIndent), border: allBorders },
  cellCenter: { font: bodyFont, alignment: align('center'), border: allBorders },
  cellPercent: { font: bodyFont, alignment: align('center'), border: allBorders, numFmt: '0.0%' },
  signOff: { font: bodyFont, alignment: { horizontal: 'left', vertical: 'bottom' } },
  revision: { font: bodyFont, alignment: align('left', 'top') },
} satisfies Record<string, Partial<Style>>;

/** A4 landscape, one page wide, the given header rows repeated on every printed page, centred. */
export function a4Landscape(printTitlesRow: string): Partial<PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.75, header: 0.3, footer: 0.3 },
    printTitlesRow,
  };
}
