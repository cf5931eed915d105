/**
 * splitUnitProgress as it was before the row-speed work (issue #13): one global search with a lookbehind per
 * label pattern. Kept as the reference the faster one is checked against.
 */
import { normalizeName } from '../../../shared/names';

const labelPattern =
  /(?:^|(?<=[\n。；;]))[ \t\u3000]*(?:[(（]?[0-9一二三四五六七八九十]{1,2}[)）.、．]?\s*)?([^\n。；;：:，,]{2,24}?(?:局|委|办|中心|政府|院|会|部|站|所|队|公司|街道|镇|乡|社|馆|处|团|组|集团|委员会))\s*[：:]/g;

const unitLabels = new Map<string, RegExp>();

/** "县城管局：" at a line or sentence start, for one unit (cached: the same units recur on every row). */
function unitLabel(unit: string): RegExp {
  let re = unitLabels.get(unit);
  if (!re) {
    const escaped = unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`(?:^|(?<=[\\n。；;]))[ \\t\\u3000]*(?:[(（]?[0-9一二三四五六七八九十]{1,2}[)）.、．]?\\s*)?${escaped}\\s*[：:]`, 'g');
    if (unitLabels.size > 2000) unitLabels.clear();
    unitLabels.set(unit, re);
  }
  return re;
}

function sameUnit(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  return x === y || (x.length >= 2 && y.length >= 2 && (x.endsWith(y) || y.endsWith(x)));
}

/**
 * Progress written per unit in one cell, split at each "单位：" label. Labels are matched to the row's
 * units (a label "城管局" is the row's "县城管局"); a label that names none of them is kept as written.
 * Returns [] when the cell has no such labels (the whole text is then the project's).
 */
export function splitUnitProgressBefore(raw: string, units: readonly string[]): { unit: string; text: string; known: boolean }[] {
  const text = raw.replace(/\r\n?/g, '\n');
  const starts: { index: number; bodyStart: number; label: string }[] = [];
  labelPattern.lastIndex = 0;
  for (let m = labelPattern.exec(text); m !== null; m = labelPattern.exec(text)) {
    const label = (m[1] ?? '').trim();
    starts.push({ index: m.index, bodyStart: m.index + m[0].length, label });
  }
  // Also labels that name the row's own units exactly, whatever they end with.
  for (const unit of units) {
    if (!text.includes(unit)) continue;
    const re = unitLabel(unit);
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (!starts.some((s) => s.index <= m.index && m.index < s.bodyStart)) {
        starts.push({ index: m.index, bodyStart: m.index + m[0].length, label: unit });
      }
    }
  }
  starts.sort((a, b) => a.index - b.index);
  const labelled = starts.filter((s) => units.some((u) => sameUnit(u, s.label)) || /(局|委|办|中心|政府)$/.test(s.label));
  if (labelled.length === 0) return [];
  if (labelled.length === 1 && units.length <= 1 && labelled[0]?.index !== 0) return [];
  const out: { unit: string; text: string; known: boolean }[] = [];
  const lead = text.slice(0, labelled[0]?.index ?? 0).trim();
  labelled.forEach((s, i) => {
    const end = labelled[i + 1]?.index ?? text.length;
    const body = text.slice(s.bodyStart, end).trim();
    const match = units.find((u) => sameUnit(u, s.label));
    const unit = match ?? normalizeName(s.label);
    const existing = out.find((o) => o.unit === unit);
    if (existing) existing.text = `${existing.text}\n${body}`.trim();
    else out.push({ unit, text: body, known: match !== undefined });
  });
  if (lead && out[0]) out[0].text = `${lead}\n${out[0].text}`.trim();
  return out;
}
