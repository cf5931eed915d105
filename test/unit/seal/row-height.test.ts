import { describe, expect, it } from 'vitest';
import { linesWithSpare, maxRowHeightPt, rowHeight, wrappedLines } from '../../../electron/backend/export/row-height';

// 27.6 units ≈ 198 px: twelve 16 px (12 pt) CJK characters to a line, as LibreOffice and Excel print them.
const width = 27.6;

describe('row heights for wrapped cells', () => {
  it('counts CJK characters as full width and Latin as about half', () => {
    expect(wrappedLines('一二三四五六七八九十一二', width, 12)).toBe(1);
    expect(wrappedLines('一二三四五六七八九十一二三', width, 12)).toBe(2);
    expect(wrappedLines('123456789012345678901', width, 12)).toBe(1); // 21 × 0.56 em
  });

  it('counts hard line breaks and empty lines', () => {
    expect(wrappedLines('县城管局\n县住建局', 13, 12)).toBe(2);
    expect(wrappedLines('甲\n\n乙', width, 12)).toBe(3);
  });

  it('keeps Latin words and numbers whole, and breaks a word longer than the line', () => {
    expect(wrappedLines('一二三四五六七八九十一 14667.2', width, 12)).toBe(2);
    expect(wrappedLines('x'.repeat(50), width, 12)).toBe(3);
  });

  it('takes the worse of gluing punctuation (Excel, WPS) and not (LibreOffice)', () => {
    // Twelve characters then "。": on its own line in LibreOffice, pulls "二" down in Excel; two lines either way.
    expect(wrappedLines('一二三四五六七八九十一二。', width, 12)).toBe(2);
  });

  it('matches the lines LibreOffice printed for the Ye County 医保 task (11 lines + a lone "。")', () => {
    const task =
      '扩大医院门诊费用异地就医直接结算范围。实现普通门诊费用和高血压、糖尿病、恶性肿瘤门诊放化疗、尿毒症透析、器官移植术后抗排异治疗等5种试点门诊慢特病异地就医直接结算，推动3家定点医院实现门诊费用异地就医直接结算，提升门诊费用异地就医直接结算量。';
    expect(linesWithSpare(wrappedLines(task, width, 12))).toBeGreaterThanOrEqual(12);
  });

  it('gives a row the height of its tallest cell, within Excel’s limit', () => {
    const one = rowHeight([{ text: '县人社局', width: 13 }], 12);
    const three = rowHeight([{ text: '甲\n乙\n丙', width: 13 }, { text: '丁', width: 9.5 }], 12);
    expect(three).toBeGreaterThan(one * 2.5);
    expect(rowHeight([{ text: '长'.repeat(5000), width }], 12)).toBe(maxRowHeightPt);
  });
});
