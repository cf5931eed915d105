import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffVisible, type Change, type VisibleCell } from '../../../shared/seal/visible-cells';

/** The rule as first written (a map of found cells by key): the one-pass path must agree with it everywhere. */
function byKey(expected: readonly VisibleCell[], found: readonly VisibleCell[]): Change[] {
  const foundByKey = new Map(found.map((c) => [c.key, c]));
  const seen = new Set(expected.map((e) => e.key));
  const changes: Change[] = [];
  for (const e of expected) {
    const f = foundByKey.get(e.key);
    const text = f?.text ?? '';
    if (text !== e.text) changes.push({ row: f?.row ?? e.row, column: e.column, expected: e.text, found: text });
  }
  for (const f of found) if (!seen.has(f.key) && f.text !== '') changes.push({ row: f.row, column: f.column, expected: '', found: f.text });
  return changes.sort((a, b) => a.row - b.row);
}

const sealed: VisibleCell[] = [
  { key: 'title', row: 1, column: '标题', text: '表' },
  ...Array.from({ length: 12 }, (_, i) => ({ key: `cell:${Math.floor(i / 3)}:c${i % 3}`, row: 4 + Math.floor(i / 3), column: `c${i % 3}`, text: `t${i}` })),
  { key: 'signer', row: 8, column: '签发领导', text: '王五' },
];

/** A received table: some texts edited, cells dropped or repeated, order shuffled, text typed outside. */
const received = fc
  .record({
    edits: fc.array(fc.tuple(fc.nat(sealed.length - 1), fc.constantFrom('', 'x', 't1')), { maxLength: 4 }),
    drop: fc.option(fc.nat(sealed.length - 1), { nil: undefined }),
    repeat: fc.option(fc.nat(sealed.length - 1), { nil: undefined }),
    swap: fc.option(fc.tuple(fc.nat(sealed.length - 1), fc.nat(sealed.length - 1)), { nil: undefined }),
    outside: fc.array(fc.tuple(fc.nat(20), fc.constantFrom('', '备注')), { maxLength: 3 }),
  })
  .map(({ edits, drop, repeat, swap, outside }) => {
    const found = sealed.map((c) => ({ ...c }));
    for (const [i, text] of edits) found[i]!.text = text;
    if (swap) [found[swap[0]], found[swap[1]]] = [found[swap[1]]!, found[swap[0]]!];
    if (repeat !== undefined) found.push({ ...found[repeat]!, text: 'again' });
    if (drop !== undefined) found.splice(drop, 1);
    for (const [row, text] of outside) found.push({ key: `outside:K${row}`, row, column: `表格外（K${row}）`, text });
    return found;
  });

describe('the diff of a received table', () => {
  it('is the same in its one-pass path as by key, whatever was edited, moved, dropped or added', () => {
    fc.assert(fc.property(received, (found) => {
        expect(diffVisible(sealed, found)).toEqual(byKey(sealed, found));
      }), { numRuns: 500 });
  });
});
