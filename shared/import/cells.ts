/** Small helpers over the cells of a sheet, shared by every stage of understanding a table. */
import { cellText, type Cell } from './grid';

/** A cell's text as the stages read it: line breaks as '\n', trimmed. */
export const text = (cell: Cell | undefined): string => {
  const raw = cellText(cell);
  // Every cell of the sheet comes through here, and few hold a carriage return: test before replacing.
  return (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw).trim();
};

export function rowTexts(row: readonly Cell[] | undefined): string[] {
  return (row ?? []).map(text);
}

/** The non-empty values of a row, each once (a value merged across cells counts once). */
export function distinct(values: readonly string[]): string[] {
  // A row has a few cells: looking back through them is cheaper than a Set of each row's.
  if (values.length > 16) return [...new Set(values.filter((v) => v !== ''))];
  const out: string[] = [];
  for (const v of values) if (v !== '' && !out.includes(v)) out.push(v);
  return out;
}

/** [the items that fail `test`, the items that pass it]. */
export function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter((i) => !test(i)), items.filter(test)];
}

/** Splits each distinct text once. What it returns is shared between rows: copy before changing it. */
export function remembered<T>(split: (raw: string) => T): (raw: string) => T {
  const seen = new Map<string, T>();
  return (raw) => {
    let parts = seen.get(raw);
    if (parts === undefined) seen.set(raw, (parts = split(raw)));
    return parts;
  };
}
