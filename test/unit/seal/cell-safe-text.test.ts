import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellSafeText } from '../../../shared/seal/table-layout';

/** What XML 1.0 and the spreadsheet programs cannot keep in a cell, in the form cellSafeText promises to remove. */
// eslint-disable-next-line no-control-regex
const forbidden = /\r|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('cellSafeText', () => {
  it('returns a clean text unchanged, tabs, line breaks and characters outside the BMP included', () => {
    const text = '县城管局：已整改病害井盖201座。\n县住建局：\t𠀀𡃁已完成招标。';
    expect(cellSafeText(text)).toBe(text);
  });

  it('cleans each kind of unsafe character even when it is the only one in the text', () => {
    expect(cellSafeText('第一行\r\n第二行\r第三行')).toBe('第一行\n第二行\n第三行');
    for (const code of [0x00, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, 0xfffe, 0xffff]) expect(cellSafeText(`完成${String.fromCharCode(code)}90%`)).toBe('完成90%');
    expect(cellSafeText('甲\ud800乙')).toBe('甲\ufffd乙');
    expect(cellSafeText('甲\udc00乙')).toBe('甲\ufffd乙');
  });

  it('leaves nothing a cell cannot hold in any text, and a cleaned text stays as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 }), (text) => {
        const safe = cellSafeText(text);
        expect(forbidden.test(safe)).toBe(false);
        expect(cellSafeText(safe)).toBe(safe);
      }),
      { numRuns: 2000 },
    );
  });
});
