import { noFigures, rowFigures } from '../../../../shared/import/figures';
import type { PreviewRow } from '../../../../shared/import/understand';
import type { KnownIndicator, ProposedActual, RowFigures } from '../../../../shared/text/figures/types';

/**
 * A matched row's figures against the project's indicators in the ledger, from the figures its words were
 * read for when the row was staged (`first`, read as if the project had none) where that gives the same:
 * next month, the indicators were mostly made from this same goal's targets last month, and pairing the
 * progress with them pairs it with those targets again. 20,000 rows read a second time cost a good part of
 * the diff (issue #13); read again only when the indicators are not the targets.
 *
 * `first` must have been read from this very row (not from the first of a project's merged rows).
 */
export function figuresAgainst(row: PreviewRow, first: RowFigures | null, existing: readonly KnownIndicator[], year: number): RowFigures {
  // No figures read for any indicators: the table's own indicator columns, or no words at all.
  if (first === noFigures) return noFigures;
  if (first === null || !sameAsTargets(first, existing)) return rowFigures(row, { year, existing });
  // As readFigures makes them for known indicators: no targets proposed, each actual of the indicator at the
  // target's place.
  const index = new Map(first.targets.map((t, i) => [t.key, existing[i]!.id]));
  const actuals: ProposedActual[] = [];
  for (const a of first.actuals) {
    const id = 'target' in a.indicator ? index.get(a.indicator.target) : undefined;
    // An actual paired with no target of this reading: read the row again rather than guess.
    if (id === undefined) return rowFigures(row, { year, existing });
    actuals.push({ ...a, indicator: { id } });
  }
  return { targets: [], actuals, stated: first.stated };
}

/** Whether the indicators are the targets, one for one, in all that pairing a progress with them reads. */
function sameAsTargets(first: RowFigures, existing: readonly KnownIndicator[]): boolean {
  if (first.targets.length !== existing.length || first.targets.length === 0) return false;
  if (!first.actuals.every((a) => 'target' in a.indicator)) return false;
  return first.targets.every((t, i) => {
    const e = existing[i]!;
    return e.name === t.label && e.kind === t.kind && e.target === t.target && e.unit === t.unit;
  });
}
